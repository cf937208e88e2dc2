import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import type { EnvironmentResponse } from "@/lib/schemas/environment";
import type { SyncRunResponse, SyncRunStatus } from "@/lib/schemas/sync-run";
import type { SyncStats } from "@/lib/schemas/sync-stats";
import { apiFetch } from "@/lib/queries/api-client";
import { segmentApiPath, type SegmentLocation } from "@/lib/queries/segment-members";

export type EnvironmentLocation = { projectKey: string; environmentKey: string };
export type Page = { limit: number; offset: number };
export type SyncRunFilter = Page & { integration?: string; status?: SyncRunStatus; segment?: string };

/** A push shows up in the Sync tab and on the activity page within this long, without a reload. */
export const SYNC_POLL_MS = 5_000;

export const syncRunKeys = {
  all: ["syncRuns"] as const,
  segmentAll: (l: SegmentLocation) =>
    [...syncRunKeys.all, "segment", l.projectKey, l.environmentKey, l.segmentKey] as const,
  segment: (l: SegmentLocation, page: Page) => [...syncRunKeys.segmentAll(l), page] as const,
  environmentAll: (l: EnvironmentLocation) =>
    [...syncRunKeys.all, "environment", l.projectKey, l.environmentKey] as const,
  environment: (l: EnvironmentLocation, filter: SyncRunFilter) =>
    [...syncRunKeys.environmentAll(l), filter] as const,
  stats: (l: EnvironmentLocation, hours: number) =>
    [...syncRunKeys.all, "stats", l.projectKey, l.environmentKey, hours] as const,
};

export const environmentDetailKey = (l: EnvironmentLocation) =>
  ["environments", "detail", l.projectKey, l.environmentKey] as const;

export function useSegmentSyncRuns(l: SegmentLocation, page: Page) {
  return useQuery({
    queryKey: syncRunKeys.segment(l, page),
    queryFn: () =>
      apiFetch<Collection<SyncRunResponse>>(
        `${segmentApiPath(l)}/syncs?limit=${page.limit}&offset=${page.offset}`,
      ),
    refetchInterval: SYNC_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

export function useEnvironmentSyncRuns(l: EnvironmentLocation, filter: SyncRunFilter) {
  return useQuery({
    queryKey: syncRunKeys.environment(l, filter),
    queryFn: () => {
      const query = new URLSearchParams({
        projectKey: l.projectKey,
        environmentKey: l.environmentKey,
        limit: String(filter.limit),
        offset: String(filter.offset),
      });
      if (filter.integration) query.set("integration", filter.integration);
      if (filter.status) query.set("status", filter.status);
      if (filter.segment) query.set("segment", filter.segment);
      return apiFetch<Collection<SyncRunResponse>>(`/api/v2/syncs?${query.toString()}`);
    },
    refetchInterval: SYNC_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

export function useSyncStats(l: EnvironmentLocation, hours: number) {
  return useQuery({
    queryKey: syncRunKeys.stats(l, hours),
    queryFn: () => {
      const query = new URLSearchParams({
        projectKey: l.projectKey,
        environmentKey: l.environmentKey,
        hours: String(hours),
      });
      return apiFetch<SyncStats>(`/api/v2/syncs/stats?${query.toString()}`);
    },
    refetchInterval: 30_000,
  });
}

/** The environment, for its client-side ID (what partners send as the environment id). */
export function useEnvironment(l: EnvironmentLocation) {
  return useQuery({
    queryKey: environmentDetailKey(l),
    queryFn: () =>
      apiFetch<EnvironmentResponse>(
        `/api/v2/projects/${encodeURIComponent(l.projectKey)}/environments/${encodeURIComponent(l.environmentKey)}`,
      ),
    staleTime: Infinity,
  });
}
