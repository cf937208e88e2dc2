import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { env } from "@/lib/env";
import { integrationKeys } from "@/lib/queries/integrations";
import { filtersFromSearchParams, segmentFilterParameter, segmentKeys } from "@/lib/queries/segments";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { listSegments } from "@/lib/server/segments/list-segments";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { SegmentsView } from "./segments-view";

export const metadata = { title: "Segments · Tributary" };

export default async function SegmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectKey: string; environmentKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireSession();
  const location = await params;
  const filters = filtersFromSearchParams(await searchParams);
  const queryClient = new QueryClient();
  queryClient.setQueryData(integrationKeys.all, { items: listIntegrations() });
  await queryClient
    .prefetchQuery({
      queryKey: segmentKeys.list(location, filters),
      queryFn: async () => {
        const environment = await getEnvironmentOrThrow(location.projectKey, location.environmentKey);
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
      <SegmentsView {...location} staleAfterHours={env().TRIBUTARY_STALE_AFTER_HOURS} />
    </HydrationBoundary>
  );
}
