import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { segmentMemberKeys, SEGMENT_MEMBER_PAGE_SIZE } from "@/lib/queries/segment-members";
import { requireSession } from "@/lib/server/auth/require-session";
import { prefetchSegment } from "@/lib/server/dashboard/prefetch-segment";
import { listSegmentMembers } from "@/lib/server/segment-members/list-segment-members";
import { SegmentMembersView } from "./segment-members-view";

export const metadata = { title: "Members" };

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export default async function SegmentMembersPage({ params }: { params: Promise<Params> }) {
  const principal = await requireSession();
  const location = await params;
  const queryClient = new QueryClient();

  // Prefetch only what the member may read; otherwise the view asks the API and shows its message.
  const found = await prefetchSegment(queryClient, principal, location);
  if (found) {
    const firstPage = await listSegmentMembers(found.segment, { limit: SEGMENT_MEMBER_PAGE_SIZE });
    queryClient.setQueryData(segmentMemberKeys.list(location, ""), {
      pages: [firstPage],
      pageParams: [null],
    });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SegmentMembersView {...location} />
    </HydrationBoundary>
  );
}
