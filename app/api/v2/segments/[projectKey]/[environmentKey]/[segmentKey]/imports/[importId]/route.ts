import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json, noContent } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { discardSegmentImport } from "@/lib/server/imports/discard-segment-import";
import { getSegmentImportOrThrow } from "@/lib/server/imports/get-segment-import-or-throw";
import { importOwner } from "@/lib/server/imports/import-owner";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";

type Params = { projectKey: string; environmentKey: string; segmentKey: string; importId: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const { environment, segment } = await getSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    assertAccess(principal, "updateIncluded", segmentResource(environment.project, environment, segment));
    return json(
      await getSegmentImportOrThrow({
        importId: params.importId,
        segmentId: segment.id,
        owner: importOwner(principal),
      }),
    );
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}" },
);

export const DELETE = apiHandler<Params>(
  async ({ params, principal }) => {
    const { environment, segment } = await getSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    assertAccess(principal, "updateIncluded", segmentResource(environment.project, environment, segment));
    await discardSegmentImport({
      importId: params.importId,
      segmentId: segment.id,
      owner: importOwner(principal),
    });
    return noContent();
  },
  { route: "DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}" },
);

export const { POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}",
  ["GET", "DELETE"],
);
