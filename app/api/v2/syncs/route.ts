import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { environmentSyncRunsQuerySchema } from "@/lib/schemas/sync-run";
import { toCollection } from "@/lib/server/api/collection";
import { apiHandler } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { listEnvironmentSyncRuns } from "@/lib/server/sync/list-environment-sync-runs";

export const GET = apiHandler(
  async ({ req, principal }) => {
    const query = parseQuery(req.nextUrl, environmentSyncRunsQuerySchema);
    const environment = await getVisibleEnvironmentOrThrow(principal, query.projectKey, query.environmentKey);
    const { items, totalCount } = await listEnvironmentSyncRuns({
      environmentId: environment.id,
      integration: query.integration,
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    });
    return json(
      toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
    );
  },
  { route: "GET /api/v2/syncs" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/syncs", ["GET"]);
