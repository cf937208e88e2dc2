import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { importChunkSchema } from "@/lib/schemas/segment-import";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { addImportChunk } from "@/lib/server/imports/add-import-chunk";
import { importOwner } from "@/lib/server/imports/import-owner";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";

type Params = { projectKey: string; environmentKey: string; segmentKey: string; importId: string };

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const { keys } = importChunkSchema.parse(await readJsonBody(req));
    const { environment, segment } = await getSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    assertAccess(principal, "updateIncluded", segmentResource(environment.project, environment, segment));
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
