import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { environmentNames } from "@/lib/dashboard/environment-names";
import { pageTitle } from "@/lib/dashboard/page-title";
import { integrationKeys } from "@/lib/queries/integrations";
import { rejectedPushKeys } from "@/lib/queries/rejected-pushes";
import { syncRunKeys, type SyncRunFilter } from "@/lib/queries/sync-runs";
import { toCollection } from "@/lib/server/api/collection";
import { loadEnvironmentPage } from "@/lib/server/dashboard/load-environment-page";
import { listVisibleEnvironmentSyncRuns } from "@/lib/server/environments/list-visible-environment-sync-runs";
import { listRejectedPushes } from "@/lib/server/rejected-pushes/list-rejected-pushes";
import { listHourlySyncStats } from "@/lib/server/sync-stats/list-hourly-sync-stats";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { FAILURES_SHOWN, REJECTED_PUSHES_SHOWN, STATS_HOURS } from "./_components/activity-constants";
import { readActivityFilters, runsFilter } from "./_components/activity-filters";
import { ActivityView } from "./activity-view";

type Params = { projectKey: string; environmentKey: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { projectKey, environmentKey } = await params;
  const { environment } = await loadEnvironmentPage(projectKey, environmentKey);
  return { title: pageTitle("Sync activity", environment.name, environment.project.name) };
}

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const location = await params;
  const { principal, environment } = await loadEnvironmentPage(location.projectKey, location.environmentKey);
  const filters = readActivityFilters(await searchParams);
  const queryClient = new QueryClient();
  queryClient.setQueryData(integrationKeys.all, { items: listIntegrations() });
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
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ActivityView
        projectKey={location.projectKey}
        environmentKey={location.environmentKey}
        names={environmentNames(environment)}
      />
    </HydrationBoundary>
  );
}
