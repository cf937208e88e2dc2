import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { passwordLinkKeys } from "@/lib/queries/invites";
import { TEAM_MEMBER_LIST_LIMIT, teamMemberKeys, teamMemberListPath } from "@/lib/queries/team-members";
import { checkAccessBatch } from "@/lib/server/access/check-access-batch";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { listPasswordLinks } from "@/lib/server/invites/list-password-links";
import { listMembers } from "@/lib/server/members/list-members";
import { memberAccessChecks } from "./_components/member-access";
import { MembersView } from "./members-view";

export const metadata = { title: "Members · Tributary" };

export default async function MembersPage() {
  const principal = await requireSession();
  const queryClient = new QueryClient();
  const page = { limit: TEAM_MEMBER_LIST_LIMIT, offset: 0 };
  // A member who may not list members gets the API's message from the view instead of a prefetched list.
  const members = await listMembers(principal, page).catch(() => null);
  if (members) {
    queryClient.setQueryData(
      teamMemberKeys.list(),
      toCollection(members.items, members.totalCount, {
        url: new URL(teamMemberListPath, "http://local"),
        ...page,
      }),
    );
  }
  const links = await listPasswordLinks(principal).catch(() => null);
  if (links) queryClient.setQueryData(passwordLinkKeys.list(), links);
  const checks = memberAccessChecks((members?.items ?? []).map((member) => member._id));
  queryClient.setQueryData(accessCheckKeys.own(checks), checkAccessBatch(principal, { checks }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MembersView currentMember={{ id: principal.member.id, role: principal.member.role }} />
    </HydrationBoundary>
  );
}
