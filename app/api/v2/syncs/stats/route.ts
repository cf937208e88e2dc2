import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { syncStatsQuerySchema } from "@/lib/schemas/sync-stats";
import { apiHandler } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { hiddenRunSegmentKeys } from "@/lib/server/environments/hidden-run-segment-keys";
import { canViewEverySegment } from "@/lib/server/segments/can-view-every-segment";
import { listHourlySyncStats } from "@/lib/server/sync-stats/list-hourly-sync-stats";

export const GET = apiHandler(
  async ({ req, principal }) => {
    const query = parseQuery(req.nextUrl, syncStatsQuerySchema);
    const environment = await getVisibleEnvironmentOrThrow(principal, query.projectKey, query.environmentKey);
    const hidden = canViewEverySegment(principal, environment.project, environment)
      ? []
      : await hiddenRunSegmentKeys(principal, environment);
    return json({ items: await listHourlySyncStats(environment.id, query.hours, hidden) });
  },
  { route: "GET /api/v2/syncs/stats" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/syncs/stats", ["GET"]);
