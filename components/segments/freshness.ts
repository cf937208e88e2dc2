import type { SegmentResponse } from "@/lib/schemas/segment";

/**
 * How current a segment's membership is. `failed`: the last sync that touched it failed. For synced segments (those with
 * an integration) also `never` (no sync yet), `stale` (the last sync is older than the limit), `partial` (the last sync
 * skipped some members) and `fresh`. Segments managed here have no freshness beyond `failed`.
 */
export type Freshness = "fresh" | "partial" | "stale" | "never" | "failed";

const HOUR_MS = 3_600_000;

export function segmentFreshness(
  segment: Pick<SegmentResponse, "_external" | "_lastSync">,
  staleAfterHours: number,
  now: number,
): Freshness | null {
  const lastSync = segment._lastSync;
  if (lastSync?.status === "failed") return "failed";
  if (segment._external === undefined) return null;
  if (lastSync === null) return "never";
  if (now - lastSync.at > staleAfterHours * HOUR_MS) return "stale";
  return lastSync.status === "partially_applied" ? "partial" : "fresh";
}

/** Whether the answer depends on the clock, so that a render without one (the server's) can leave it out. */
export function freshnessNeedsClock(segment: Pick<SegmentResponse, "_external" | "_lastSync">): boolean {
  return (
    segment._external !== undefined && segment._lastSync !== null && segment._lastSync.status !== "failed"
  );
}
