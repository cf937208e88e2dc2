import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { importCreateSchema } from "@/lib/schemas/segment-import";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { createSegmentImport } from "@/lib/server/imports/create-segment-import";
import { getSegmentForActionOrHide } from "@/lib/server/segments/get-segment-for-action-or-hide";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const input = importCreateSchema.parse(await readJsonBody(req));
    const { segment } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
    return json(await createSegmentImport(principal, segment, input.mode), 201);
  },
  { route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports",
  ["POST"],
);
