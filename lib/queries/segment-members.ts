import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { SegmentMemberList } from "@/lib/schemas/segment-member-list";
import type { ContextMembership } from "@/lib/schemas/membership";
import type { SegmentResponse } from "@/lib/schemas/segment";
import { apiFetch } from "@/lib/queries/api-client";

export type SegmentLocation = { projectKey: string; environmentKey: string; segmentKey: string };

export const SEGMENT_MEMBER_PAGE_SIZE = 50;

export function segmentApiPath({ projectKey, environmentKey, segmentKey }: SegmentLocation): string {
  return `/api/v2/segments/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}/${encodeURIComponent(segmentKey)}`;
}

export const segmentMemberKeys = {
  all: ["segment-members"] as const,
  segment: (l: SegmentLocation) =>
    [...segmentMemberKeys.all, l.projectKey, l.environmentKey, l.segmentKey] as const,
  list: (l: SegmentLocation, prefix: string) => [...segmentMemberKeys.segment(l), "list", prefix] as const,
  lookup: (l: SegmentLocation, contextKey: string) =>
    [...segmentMemberKeys.segment(l), "lookup", contextKey] as const,
};

/**
 * The segment detail query's key. Matches `segmentKeys.detail(...)` of lib/queries/segments.ts, so the header, the
 * Overview and these tabs share one cache entry and one invalidation.
 */
export function segmentDetailKey(l: SegmentLocation) {
  return ["segments", "detail", l.projectKey, l.environmentKey, l.segmentKey] as const;
}

export function useSegmentDetail(l: SegmentLocation) {
  return useQuery({
    queryKey: segmentDetailKey(l),
    queryFn: () => apiFetch<SegmentResponse>(segmentApiPath(l)),
  });
}

export function fetchSegmentMemberPage(
  l: SegmentLocation,
  prefix: string,
  after: string | null,
): Promise<SegmentMemberList> {
  const query = new URLSearchParams({ limit: String(SEGMENT_MEMBER_PAGE_SIZE) });
  if (after !== null) query.set("after", after);
  if (prefix !== "") query.set("prefix", prefix);
  return apiFetch<SegmentMemberList>(`${segmentApiPath(l)}/members?${query.toString()}`);
}

/** Keyset pages of the segment's context keys; `fetchNextPage` continues after the last key shown. */
export function useSegmentMembers(l: SegmentLocation, prefix: string) {
  return useInfiniteQuery({
    queryKey: segmentMemberKeys.list(l, prefix),
    queryFn: ({ pageParam }) => fetchSegmentMemberPage(l, prefix, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next,
  });
}

/** Whether one context key is included or excluded, and when and by which sync it was added. */
export function useSegmentMemberLookup(l: SegmentLocation, contextKey: string | null) {
  return useQuery({
    queryKey: segmentMemberKeys.lookup(l, contextKey ?? ""),
    queryFn: () =>
      apiFetch<ContextMembership>(`${segmentApiPath(l)}/contexts/${encodeURIComponent(contextKey ?? "")}`),
    enabled: contextKey !== null && contextKey !== "",
    staleTime: 0,
  });
}

/** A plain GET the browser downloads itself: the CSV streams to disk instead of through JavaScript memory. */
export function segmentMemberExportUrl(l: SegmentLocation): string {
  return `${segmentApiPath(l)}/members/export`;
}
