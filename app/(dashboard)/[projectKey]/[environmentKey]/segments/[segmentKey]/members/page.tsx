import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { memberKeys, MEMBER_PAGE_SIZE, segmentDetailKey } from "@/lib/queries/members";
import { checkAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { requireSession } from "@/lib/server/auth/require-session";
import { listSegmentMembers } from "@/lib/server/segment-members/list-segment-members";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { MembersView } from "./members-view";

export const metadata = { title: "Members · Tributary" };

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export default async function SegmentMembersPage({ params }: { params: Promise<Params> }) {
  const principal = await requireSession();
  const location = await params;
  const queryClient = new QueryClient();

  // Prefetch only what the member may read; otherwise the view asks the API and shows its message.
  const found = await getSegmentOrThrow(
    location.projectKey,
    location.environmentKey,
    location.segmentKey,
  ).catch(() => null);
  if (found) {
    const { environment, segment } = found;
    if (
      checkAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment))
        .allowed
    ) {
      const [targets, firstPage] = await Promise.all([
        loadSegmentTargets(segment),
        listSegmentMembers(segment, { limit: MEMBER_PAGE_SIZE }),
      ]);
      queryClient.setQueryData(
        segmentDetailKey(location),
        serializeSegment(
          segment,
          { projectKey: environment.project.key, environmentKey: environment.key },
          targets,
        ),
      );
      queryClient.setQueryData(memberKeys.list(location, ""), { pages: [firstPage], pageParams: [null] });
    }
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MembersView {...location} />
    </HydrationBoundary>
  );
}
