import type { SegmentDataAge } from "@/lib/schemas/data-age";

/**
 * A segment's data age. Its last sync time is written only by a run that applied (a refused push rolls back and leaves
 * it alone), so that time is its last successful sync unless the status says otherwise.
 */
export function segmentDataAge(
  segment: { lastSyncAt: Date | null; lastSyncStatus: string | null },
  nowMs: number,
): SegmentDataAge {
  const at = segment.lastSyncStatus === "failed" ? null : (segment.lastSyncAt?.getTime() ?? null);
  return { lastSuccessfulSyncAt: at, ageMs: at === null ? null : Math.max(0, nowMs - at) };
}
