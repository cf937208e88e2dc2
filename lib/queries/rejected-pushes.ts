import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RejectedPushPage } from "@/lib/schemas/rejected-push";
import { apiFetch } from "@/lib/queries/api-client";
import { SYNC_POLL_MS, type EnvironmentLocation } from "@/lib/queries/sync-runs";

/** A page of refusals: `before` is the `next` of the page above it, absent for the most recent. */
export type RejectedPushPageRequest = { limit: number; before?: string };

export const rejectedPushKeys = {
  all: ["rejectedPushes"] as const,
  environment: (l: EnvironmentLocation, page: RejectedPushPageRequest) =>
    [...rejectedPushKeys.all, l.projectKey, l.environmentKey, page] as const,
};

export function useRejectedPushes(l: EnvironmentLocation, page: RejectedPushPageRequest) {
  return useQuery({
    queryKey: rejectedPushKeys.environment(l, page),
    queryFn: () => {
      const query = new URLSearchParams({
        projectKey: l.projectKey,
        environmentKey: l.environmentKey,
        limit: String(page.limit),
      });
      if (page.before) query.set("before", page.before);
      return apiFetch<RejectedPushPage>(`/api/v2/rejected-pushes?${query.toString()}`);
    },
    refetchInterval: SYNC_POLL_MS,
    placeholderData: keepPreviousData,
  });
}
