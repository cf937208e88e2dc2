"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { segmentMemberKeys, segmentDetailKey, type SegmentLocation } from "@/lib/queries/segment-members";

/**
 * When polling brings a run newer than the one shown before, the segment's count and members changed too: refetch the
 * segment detail (header, count) and the members list, and nothing else.
 *
 * `newestRunId`: undefined while the runs are loading, null when the segment has none yet.
 */
export function useRefreshOnNewRun(location: SegmentLocation, newestRunId: string | null | undefined): void {
  const queryClient = useQueryClient();
  const seen = useRef<string | null | undefined>(undefined);
  const { projectKey, environmentKey, segmentKey } = location;
  useEffect(() => {
    if (newestRunId === undefined) return;
    const previous = seen.current;
    seen.current = newestRunId;
    if (previous === undefined || previous === newestRunId) return;
    const segment = { projectKey, environmentKey, segmentKey };
    void queryClient.invalidateQueries({ queryKey: segmentDetailKey(segment) });
    void queryClient.invalidateQueries({ queryKey: segmentMemberKeys.segment(segment) });
  }, [newestRunId, queryClient, projectKey, environmentKey, segmentKey]);
}
