import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { PermissionRolesProvider } from "@/components/permission-notice";
import { requireSession } from "@/lib/server/auth/require-session";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await requireSession();
  return (
    <AppShell email={principal.member.email}>
      <PermissionRolesProvider roles={principal.roles.map((role) => role.name)}>
        {children}
      </PermissionRolesProvider>
    </AppShell>
  );
}
