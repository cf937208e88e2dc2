import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json, noContent } from "@/lib/server/api/responses";
import { discardSegmentImport } from "@/lib/server/imports/discard-segment-import";
import { getSegmentImportOrThrow } from "@/lib/server/imports/get-segment-import-or-throw";
import { importOwner } from "@/lib/server/imports/import-owner";
import { getSegmentForActionOrHide } from "@/lib/server/segments/get-segment-for-action-or-hide";

type Params = { projectKey: string; environmentKey: string; segmentKey: string; importId: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const { segment } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
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
    const { segment } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
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
