import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { paginationQuerySchema } from "@/lib/schemas/common";
import { toCollection } from "@/lib/server/api/collection";
import { apiHandler } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";
import { listSegmentSyncRuns } from "@/lib/server/sync/list-segment-sync-runs";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const GET = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const page = parseQuery(req.nextUrl, paginationQuerySchema);
    const { segment } = await getVisibleSegmentOrThrow(
      principal,
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    const { items, totalCount } = await listSegmentSyncRuns(segment.id, page);
    return json(toCollection(items, totalCount, { url: req.nextUrl, ...page }));
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/syncs" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/syncs",
  ["GET"],
);
