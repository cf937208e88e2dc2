import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { ROLE_LIST_LIMIT, roleKeys, roleListPath } from "@/lib/queries/roles";
import { checkAccessBatch } from "@/lib/server/access/check-access-batch";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { listRoles } from "@/lib/server/roles/list-roles";
import { roleAccessChecks } from "./_components/role-access";
import { RolesView } from "./roles-view";

export const metadata = { title: "Roles · Tributary" };

export default async function RolesPage() {
  const principal = await requireSession();
  const queryClient = new QueryClient();
  const page = { limit: ROLE_LIST_LIMIT, offset: 0 };
  // A member who may not list roles gets the API's message from the view instead of a prefetched list.
  const roles = await listRoles(principal, page).catch(() => null);
  if (roles) {
    queryClient.setQueryData(
      roleKeys.list(),
      toCollection(roles.items, roles.totalCount, { url: new URL(roleListPath, "http://local"), ...page }),
    );
  }
  const checks = roleAccessChecks((roles?.items ?? []).map((role) => role.key));
  queryClient.setQueryData(accessCheckKeys.own(checks), checkAccessBatch(principal, { checks }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RolesView />
    </HydrationBoundary>
  );
}
