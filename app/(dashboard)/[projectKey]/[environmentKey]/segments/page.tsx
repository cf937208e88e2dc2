import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { environmentNames } from "@/lib/dashboard/environment-names";
import { pageTitle } from "@/lib/dashboard/page-title";
import { env } from "@/lib/env";
import { integrationKeys } from "@/lib/queries/integrations";
import { filtersFromSearchParams, segmentFilterParameter, segmentKeys } from "@/lib/queries/segments";
import { toCollection } from "@/lib/server/api/collection";
import { loadEnvironmentPage } from "@/lib/server/dashboard/load-environment-page";
import { listSegments } from "@/lib/server/segments/list-segments";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { SegmentsView } from "./segments-view";

type Params = { projectKey: string; environmentKey: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { projectKey, environmentKey } = await params;
  const { environment } = await loadEnvironmentPage(projectKey, environmentKey);
  return { title: pageTitle("Segments", environment.name, environment.project.name) };
}

export default async function SegmentsPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const location = await params;
  const { principal, environment } = await loadEnvironmentPage(location.projectKey, location.environmentKey);
  const filters = filtersFromSearchParams(await searchParams);
  const queryClient = new QueryClient();
  queryClient.setQueryData(integrationKeys.all, { items: listIntegrations() });
  await queryClient
    .prefetchQuery({
      queryKey: segmentKeys.list(location, filters),
      queryFn: async () => {
        const { items, totalCount } = await listSegments(principal, environment, {
          limit: filters.limit,
          offset: filters.offset,
          sort: filters.sort,
          filter: segmentFilterParameter(filters),
        });
        const url = new URL(`http://local/api/v2/segments/${location.projectKey}/${location.environmentKey}`);
        return toCollection(items, totalCount, { url, limit: filters.limit, offset: filters.offset });
      },
    })
    // A failed prefetch is not the page's failure: the client asks the API and shows its error message.
    .catch(() => undefined);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SegmentsView
        {...location}
        names={environmentNames(environment)}
        staleAfterHours={env().TRIBUTARY_STALE_AFTER_HOURS}
      />
    </HydrationBoundary>
  );
}
