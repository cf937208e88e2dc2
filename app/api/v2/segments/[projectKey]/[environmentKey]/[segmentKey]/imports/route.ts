import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { importCreateSchema } from "@/lib/schemas/segment-import";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { createSegmentImport } from "@/lib/server/imports/create-segment-import";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const input = importCreateSchema.parse(await readJsonBody(req));
    const { environment, segment } = await getSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    assertAccess(principal, "updateIncluded", segmentResource(environment.project, environment, segment));
    return json(await createSegmentImport(principal, segment, input.mode), 201);
  },
  { route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports",
  ["POST"],
);
