import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import type { SegmentResponse } from "@/lib/schemas/segment";
import { apiFetch } from "@/lib/queries/api-client";

export type EnvironmentLocation = { projectKey: string; environmentKey: string };
export type SegmentListFilters = { query: string; offset: number; limit: number; sort: string };

const listPath = ({ projectKey, environmentKey }: EnvironmentLocation) =>
  `/api/v2/segments/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}`;

export const segmentKeys = {
  all: ["segments"] as const,
  list: (location: EnvironmentLocation, filters: SegmentListFilters) =>
    [...segmentKeys.all, "list", location.projectKey, location.environmentKey, filters] as const,
  // Same shape as `segmentDetailKey` in lib/queries/members.ts, which the Members and Sync tabs refresh.
  detail: (location: EnvironmentLocation, segmentKey: string) =>
    [...segmentKeys.all, "detail", location.projectKey, location.environmentKey, segmentKey] as const,
};

export function segmentListQuery(filters: SegmentListFilters): string {
  const params = new URLSearchParams({
    limit: String(filters.limit),
    offset: String(filters.offset),
    sort: filters.sort,
  });
  if (filters.query.trim()) params.set("filter", `query equals ${filters.query.trim().replaceAll(",", " ")}`);
  return params.toString();
}

export function useSegments(location: EnvironmentLocation, filters: SegmentListFilters) {
  return useQuery({
    queryKey: segmentKeys.list(location, filters),
    queryFn: () =>
      apiFetch<Collection<SegmentResponse>>(`${listPath(location)}?${segmentListQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useSegment(location: EnvironmentLocation, segmentKey: string) {
  return useQuery({
    queryKey: segmentKeys.detail(location, segmentKey),
    queryFn: () => apiFetch<SegmentResponse>(`${listPath(location)}/${encodeURIComponent(segmentKey)}`),
  });
}
