import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { DEFAULT_SEGMENT_FILTERS, segmentKeys, type SegmentListFilters } from "@/lib/queries/segments";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { listSegments } from "@/lib/server/segments/list-segments";
import { SegmentsView } from "./segments-view";

export const metadata = { title: "Segments · Tributary" };

const FIRST_PAGE: SegmentListFilters = DEFAULT_SEGMENT_FILTERS;

export default async function SegmentsPage({
  params,
}: {
  params: Promise<{ projectKey: string; environmentKey: string }>;
}) {
  const principal = await requireSession();
  const location = await params;
  const queryClient = new QueryClient();
  await queryClient
    .prefetchQuery({
      queryKey: segmentKeys.list(location, FIRST_PAGE),
      queryFn: async () => {
        const environment = await getEnvironmentOrThrow(location.projectKey, location.environmentKey);
        const { items, totalCount } = await listSegments(principal, environment, {
          limit: FIRST_PAGE.limit,
          offset: 0,
          sort: "-creationDate",
        });
        const url = new URL(`http://local/api/v2/segments/${location.projectKey}/${location.environmentKey}`);
        return toCollection(items, totalCount, { url, limit: FIRST_PAGE.limit, offset: 0 });
      },
    })
    .catch(() => undefined);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SegmentsView {...location} initialFilters={FIRST_PAGE} />
    </HydrationBoundary>
  );
}
