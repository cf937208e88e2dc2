import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditCategory, AuditEntryResponse } from "@/lib/schemas/audit";
import type { Collection } from "@/lib/schemas/common";
import { apiFetch } from "@/lib/queries/api-client";

/** LaunchDarkly's page size for the audit log is at most 20. */
export const AUDIT_PAGE_SIZE = 20;

/** One page of the audit log: `before`/`after` are exclusive epoch ms; `offset` skips entries that share `before`'s edge. */
export type AuditLogFilter = {
  q?: string;
  spec?: string;
  target?: string;
  category?: readonly AuditCategory[];
  memberId?: string;
  tokenId?: string;
  before?: number;
  after?: number;
  offset?: number;
  limit: number;
};

/**
 * Where a page of the newest-first audit log starts. Paging by `before` alone (the last entry's date) would skip entries
 * that share that millisecond (one transaction can write several), so the cursor keeps `before` one past that date and
 * skips, by `offset`, the entries of that millisecond already shown.
 */
export type AuditCursor = { before: number | undefined; offset: number };

export function olderCursor(items: readonly { date: number }[], current: AuditCursor): AuditCursor | null {
  const last = items[items.length - 1];
  if (last === undefined) return null;
  const before = last.date + 1;
  const sameMillisecond = items.filter((entry) => entry.date === last.date).length;
  // Anchored on this millisecond already: every entry on the page shares it, and those of earlier pages were skipped too.
  return { before, offset: current.before === before ? current.offset + sameMillisecond : sameMillisecond };
}

export const auditLogKeys = {
  all: ["audit-log"] as const,
  list: (filter: AuditLogFilter) => [...auditLogKeys.all, "list", filter] as const,
};

export function auditLogPath(filter: AuditLogFilter): string {
  const query = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.q) query.set("q", filter.q);
  if (filter.spec) query.set("spec", filter.spec);
  if (filter.target) query.set("target", filter.target);
  if (filter.category) query.set("category", filter.category.join(","));
  if (filter.memberId) query.set("memberId", filter.memberId);
  if (filter.tokenId) query.set("tokenId", filter.tokenId);
  if (filter.before !== undefined) query.set("before", String(filter.before));
  if (filter.after !== undefined) query.set("after", String(filter.after));
  if (filter.offset) query.set("offset", String(filter.offset));
  return `/api/v2/auditlog?${query.toString()}`;
}

export function useAuditLog(filter: AuditLogFilter) {
  return useQuery({
    queryKey: auditLogKeys.list(filter),
    queryFn: () => apiFetch<Collection<AuditEntryResponse>>(auditLogPath(filter)),
    placeholderData: keepPreviousData,
  });
}
