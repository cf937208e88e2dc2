import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { importChunkSchema } from "@/lib/schemas/segment-import";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { addImportChunk } from "@/lib/server/imports/add-import-chunk";
import { importOwner } from "@/lib/server/imports/import-owner";
import { getSegmentForActionOrHide } from "@/lib/server/segments/get-segment-for-action-or-hide";

type Params = { projectKey: string; environmentKey: string; segmentKey: string; importId: string };

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const { keys } = importChunkSchema.parse(await readJsonBody(req));
    const { segment } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
    return json(
      await addImportChunk(
        { importId: params.importId, segmentId: segment.id, owner: importOwner(principal) },
        keys,
      ),
    );
  },
  { route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}/chunks" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}/chunks",
  ["POST"],
);
