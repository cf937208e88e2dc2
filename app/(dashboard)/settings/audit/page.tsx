import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { AUDIT_PAGE_SIZE, auditLogKeys, type AuditLogFilter } from "@/lib/queries/audit-log";
import { auditLogQuerySchema } from "@/lib/schemas/audit";
import { checkAccess } from "@/lib/server/access/check-access";
import { toCollection } from "@/lib/server/api/collection";
import { listAuditEntries } from "@/lib/server/audit/list-audit-entries";
import { requireSession } from "@/lib/server/auth/require-session";
import { auditApiFilter, dependsOnTimeZone, readAuditFilters } from "./audit-filters";
import { AuditView } from "./audit-view";

export const metadata = { title: "Audit log · Tributary" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireSession();
  const filters = readAuditFilters(await searchParams);
  const queryClient = new QueryClient();
  // Prefetch only what the member may read, and only a query the browser will ask the same way (days depend on its
  // time zone); otherwise the view asks the API and shows its answer or message.
  const viewDecision = checkAccess(principal, "viewAuditLog", "acct");
  if (viewDecision.allowed && !dependsOnTimeZone(filters)) {
    const filter: AuditLogFilter = { ...auditApiFilter(filters), limit: AUDIT_PAGE_SIZE, offset: 0 };
    const query = auditLogQuerySchema.safeParse({ ...filter, category: filter.category?.join(",") });
    if (query.success) {
      const { items, totalCount } = await listAuditEntries(principal, query.data);
      queryClient.setQueryData(
        auditLogKeys.list(filter),
        toCollection(items, totalCount, {
          url: new URL("http://local/api/v2/auditlog"),
          limit: AUDIT_PAGE_SIZE,
          offset: 0,
        }),
      );
    }
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AuditView viewDecision={viewDecision} />
    </HydrationBoundary>
  );
}
