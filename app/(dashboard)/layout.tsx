import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { PermissionRolesProvider } from "@/components/permission-notice";
import { PICKER_PROJECT_LIMIT, projectKeys } from "@/lib/queries/projects";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { listProjects } from "@/lib/server/projects/list-projects";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await requireSession();
  // The header's project switcher starts with its list, so no page asks the API for it when it loads.
  const queryClient = new QueryClient();
  const page = { limit: PICKER_PROJECT_LIMIT, offset: 0 };
  const { items, totalCount } = await listProjects(principal, page);
  queryClient.setQueryData(
    projectKeys.list(),
    toCollection(items, totalCount, { url: new URL("http://local/api/v2/projects"), ...page }),
  );
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AppShell email={principal.member.email}>
        <PermissionRolesProvider roles={principal.roles.map((role) => role.name)}>
          {children}
        </PermissionRolesProvider>
      </AppShell>
    </HydrationBoundary>
  );
}
