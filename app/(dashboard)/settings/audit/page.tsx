import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { AUDIT_PAGE_SIZE, auditLogKeys } from "@/lib/queries/audit-log";
import { checkAccess } from "@/lib/server/access/check-access";
import { toCollection } from "@/lib/server/api/collection";
import { listAuditEntries } from "@/lib/server/audit/list-audit-entries";
import { requireSession } from "@/lib/server/auth/require-session";
import { AuditView } from "./audit-view";

export const metadata = { title: "Audit log · Tributary" };

export default async function AuditPage() {
  const principal = await requireSession();
  const queryClient = new QueryClient();
  // Prefetch only what the member may read; otherwise the view asks the API and shows its message.
  if (checkAccess(principal, "viewAuditLog", "acct").allowed) {
    const filter = { limit: AUDIT_PAGE_SIZE, offset: 0 };
    const { items, totalCount } = await listAuditEntries(principal, filter);
    queryClient.setQueryData(
      auditLogKeys.list(filter),
      toCollection(items, totalCount, { url: new URL("http://local/api/v2/auditlog"), ...filter }),
    );
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AuditView />
    </HydrationBoundary>
  );
}
