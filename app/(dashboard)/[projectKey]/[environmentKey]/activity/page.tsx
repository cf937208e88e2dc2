import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { integrationKeys } from "@/lib/queries/integrations";
import { rejectedPushKeys } from "@/lib/queries/rejected-pushes";
import { syncRunKeys, type SyncRunFilter } from "@/lib/queries/sync-runs";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { listVisibleEnvironmentSyncRuns } from "@/lib/server/environments/list-visible-environment-sync-runs";
import { listRejectedPushes } from "@/lib/server/rejected-pushes/list-rejected-pushes";
import { listHourlySyncStats } from "@/lib/server/sync-stats/list-hourly-sync-stats";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { FAILURES_SHOWN, REJECTED_PUSHES_SHOWN, STATS_HOURS } from "./_components/activity-constants";
import { readActivityFilters, runsFilter } from "./_components/activity-filters";
import { ActivityView } from "./activity-view";

export const metadata = { title: "Sync activity · Tributary" };

type Params = { projectKey: string; environmentKey: string };

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireSession();
  const location = await params;
  const filters = readActivityFilters(await searchParams);
  const queryClient = new QueryClient();
  queryClient.setQueryData(integrationKeys.all, { items: listIntegrations() });

  // Read through the API's own check: what it would refuse is not prefetched, and the view shows the API's message.
  const environment = await getVisibleEnvironmentOrThrow(
    principal,
    location.projectKey,
    location.environmentKey,
  ).catch(() => null);
  if (environment) {
    const url = new URL("http://local/api/v2/syncs");
    const prefetchRuns = async (filter: SyncRunFilter) => {
      const { items, totalCount } = await listVisibleEnvironmentSyncRuns(principal, environment, filter);
      queryClient.setQueryData(
        syncRunKeys.environment(location, filter),
        toCollection(items, totalCount, { url, limit: filter.limit, offset: filter.offset }),
      );
    };
    await Promise.all([
      prefetchRuns({ status: "failed", limit: FAILURES_SHOWN, offset: 0 }),
      prefetchRuns(runsFilter(filters)),
      listHourlySyncStats(environment.id, STATS_HOURS).then((items) =>
        queryClient.setQueryData(syncRunKeys.stats(location, STATS_HOURS), { items }),
      ),
      listRejectedPushes(principal, environment, { limit: REJECTED_PUSHES_SHOWN }).then((page) =>
        queryClient.setQueryData(
          rejectedPushKeys.environment(location, { limit: REJECTED_PUSHES_SHOWN }),
          page,
        ),
      ),
    ]);
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ActivityView projectKey={location.projectKey} environmentKey={location.environmentKey} />
    </HydrationBoundary>
  );
}
