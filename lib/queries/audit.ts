import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditEntryResponse } from "@/lib/schemas/audit";
import type { Collection } from "@/lib/schemas/common";
import { apiFetch } from "@/lib/queries/api-client";
import { AUDIT_PAGE_SIZE, auditLogKeys, auditLogPath, type AuditLogFilter } from "@/lib/queries/audit-log";
import type { SegmentLocation } from "@/lib/queries/segments";

/**
 * Where a page of a newest-first history starts. Paging by `before` alone (the last entry's date) would skip entries that
 * share that millisecond, so `before` stays one past that date and `offset` skips the entries of it already shown.
 */
export type HistoryCursor = { before: number | undefined; offset: number };

export const FIRST_HISTORY_PAGE: HistoryCursor = { before: undefined, offset: 0 };

/** Under the audit log's own keys, so that whatever refreshes the audit log refreshes segment histories too. */
export const segmentHistoryKeys = {
  segment: (l: SegmentLocation) =>
    [...auditLogKeys.all, "segment", l.projectKey, l.environmentKey, l.segmentKey] as const,
  page: (l: SegmentLocation, cursor: HistoryCursor) => [...segmentHistoryKeys.segment(l), cursor] as const,
};

/** The segment's resource specifier without tags: the audit API matches it whatever tags the segment had at the time. */
export function segmentSpecifier(l: SegmentLocation): string {
  return `proj/${l.projectKey}:env/${l.environmentKey}:segment/${l.segmentKey}`;
}

export function segmentHistoryFilter(l: SegmentLocation, cursor: HistoryCursor): AuditLogFilter {
  return {
    spec: segmentSpecifier(l),
    limit: AUDIT_PAGE_SIZE,
    offset: cursor.offset,
    ...(cursor.before === undefined ? {} : { before: cursor.before }),
  };
}

/** The cursor of the page after `items`, which started at `current`; null when `items` is empty. */
export function olderHistoryCursor(
  items: readonly { date: number }[],
  current: HistoryCursor,
): HistoryCursor | null {
  const last = items[items.length - 1];
  if (last === undefined) return null;
  const before = last.date + 1;
  const sameMillisecond = items.filter((entry) => entry.date === last.date).length;
  // Already anchored on this millisecond: the entries of it on earlier pages were skipped too.
  return { before, offset: current.before === before ? current.offset + sameMillisecond : sameMillisecond };
}

/** One page of the audit entries whose target is this segment (every generation of its key), newest first. */
export function useSegmentHistory(l: SegmentLocation, cursor: HistoryCursor) {
  return useQuery({
    queryKey: segmentHistoryKeys.page(l, cursor),
    queryFn: () => apiFetch<Collection<AuditEntryResponse>>(auditLogPath(segmentHistoryFilter(l, cursor))),
    placeholderData: keepPreviousData,
  });
}
