import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditEntryResponse } from "@/lib/schemas/audit";
import type { Collection } from "@/lib/schemas/common";
import { apiFetch } from "@/lib/queries/api-client";
import {
  AUDIT_PAGE_SIZE,
  auditLogKeys,
  auditLogPath,
  type AuditCursor,
  type AuditLogFilter,
} from "@/lib/queries/audit-log";
import type { SegmentLocation } from "@/lib/queries/segments";

/** Under the audit log's own keys, so that whatever refreshes the audit log refreshes segment histories too. */
export const segmentHistoryKeys = {
  segment: (l: SegmentLocation) =>
    [...auditLogKeys.all, "segment", l.projectKey, l.environmentKey, l.segmentKey] as const,
  page: (l: SegmentLocation, cursor: AuditCursor) => [...segmentHistoryKeys.segment(l), cursor] as const,
};

/** The segment's resource specifier without tags: the audit API matches it whatever tags the segment had at the time. */
export function segmentSpecifier(l: SegmentLocation): string {
  return `proj/${l.projectKey}:env/${l.environmentKey}:segment/${l.segmentKey}`;
}

export function segmentHistoryFilter(l: SegmentLocation, cursor: AuditCursor): AuditLogFilter {
  return {
    spec: segmentSpecifier(l),
    limit: AUDIT_PAGE_SIZE,
    offset: cursor.offset,
    ...(cursor.before === undefined ? {} : { before: cursor.before }),
  };
}

/** One page of the audit entries whose target is this segment (every generation of its key), newest first. */
export function useSegmentHistory(l: SegmentLocation, cursor: AuditCursor) {
  return useQuery({
    queryKey: segmentHistoryKeys.page(l, cursor),
    queryFn: () => apiFetch<Collection<AuditEntryResponse>>(auditLogPath(segmentHistoryFilter(l, cursor))),
    placeholderData: keepPreviousData,
  });
}
