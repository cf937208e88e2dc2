"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { PermissionNotice } from "@/components/permission-notice";
import { DateTime } from "@/components/time/date-time";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import {
  AUDIT_PAGE_SIZE,
  olderCursor,
  useAuditLog,
  type AuditCursor,
  type AuditLogFilter,
} from "@/lib/queries/audit-log";
import type { AuditEntryResponse } from "@/lib/schemas/audit";
import { AuditEntryItem, type AuditActor } from "@/components/audit/audit-entry-item";
import { NewerOlderButtons } from "@/components/audit/newer-older-buttons";
import { AuditFilterForm } from "./audit-filter-form";
import { auditApiFilter, readAuditFilters, writeAuditFilters, type AuditPageFilters } from "./audit-filters";

/** How the actor filter names whom it keeps: from an entry on the page, else by id. */
function actorLabel(actor: AuditPageFilters["actor"], items: readonly AuditEntryResponse[]): string {
  if (actor === null) return "";
  const entry = items.find((item) =>
    actor.type === "token" ? item.token?._id === actor.id : item.member?._id === actor.id,
  );
  if (actor.type === "token")
    return entry?.token ? `token ${entry.token.name} …${entry.token.ending}` : `token ${actor.id}`;
  return entry?.member ? entry.member.email : `member ${actor.id}`;
}

/** `viewDecision`: whether the member may read the log at all, decided on the server. */
export function AuditView({ viewDecision }: { viewDecision: { allowed: boolean; reason: string } }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The URL is the one place the filters live: a filtered log survives a reload and Back, and can be shared.
  const filters = readAuditFilters(new URLSearchParams(searchParams.toString()));

  function apply(next: AuditPageFilters) {
    const query = writeAuditFilters(next).toString();
    window.history.pushState(null, "", query === "" ? pathname : `${pathname}?${query}`);
  }

  const key = writeAuditFilters(filters).toString();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-slate-500">
          Every change to projects, segments, tokens, roles and members, newest first, with who made it.
        </p>
      </div>
      {viewDecision.allowed ? (
        <>
          <AuditFilterForm key={key} filters={filters} onApply={apply} />
          <AuditEntries key={`entries-${key}`} filters={filters} onApply={apply} />
        </>
      ) : (
        <PermissionNotice checks={[{ action: "viewAuditLog", resource: "acct", decision: viewDecision }]} />
      )}
    </div>
  );
}

/** One filtered log with its own paging, which starts over whenever the filters change. */
function AuditEntries({
  filters,
  onApply,
}: {
  filters: AuditPageFilters;
  onApply: (filters: AuditPageFilters) => void;
}) {
  const apiFilter = auditApiFilter(filters);
  // Newest first: each "Older" pushes a cursor, "Newer" pops one.
  const [cursors, setCursors] = useState<AuditCursor[]>([{ before: apiFilter.before, offset: 0 }]);
  const cursor = cursors[cursors.length - 1] ?? { before: apiFilter.before, offset: 0 };
  const query: AuditLogFilter = {
    ...apiFilter,
    limit: AUDIT_PAGE_SIZE,
    offset: cursor.offset,
    before: cursor.before,
  };
  const log = useAuditLog(query);
  const items = log.data?.items ?? [];
  const remaining = log.data ? log.data.totalCount - cursor.offset - items.length : 0;
  const older = remaining > 0 ? olderCursor(items, cursor) : null;
  const onActor = (actor: AuditActor) => onApply({ ...filters, actor });

  return (
    <>
      {filters.actor ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="actor-filter">
          Only entries by <strong>{actorLabel(filters.actor, items)}</strong>
          <Button variant="ghost" onClick={() => onApply({ ...filters, actor: null })}>
            Show everyone&apos;s
          </Button>
        </p>
      ) : null}
      {log.isPending ? <LoadingState /> : null}
      {log.isError ? <ErrorState error={log.error} /> : null}
      {log.data && items.length === 0 ? (
        <EmptyState title="No entries">Nothing matches these filters.</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <section
          aria-label="Audit log entries"
          aria-busy={log.isFetching}
          className="rounded-lg border border-slate-200 bg-white px-4 py-1 shadow-sm"
        >
          <ul aria-label="Entries">
            {items.map((entry) => (
              <AuditEntryItem key={entry._id} entry={entry} onActor={onActor} />
            ))}
          </ul>
        </section>
      ) : null}
      {log.data && (cursors.length > 1 || older !== null) ? (
        <nav
          aria-label="Audit log pages"
          className="flex items-center justify-between gap-3 text-sm text-slate-600"
        >
          <p>
            Entries {cursor.offset + 1}–{cursor.offset + items.length} before{" "}
            {cursor.before === undefined ? "now" : <DateTime epochMs={cursor.before} />} (
            {log.data.totalCount} in all)
          </p>
          <NewerOlderButtons cursors={cursors} older={older} onChange={setCursors} />
        </nav>
      ) : null}
    </>
  );
}
