import {
  STALE_INTERVAL_FACTOR,
  STALE_MIN_INTERVAL_MS,
  STALE_MIN_INTERVALS,
} from "@/lib/server/alerts/alert-worker-limits";

/**
 * How long a segment may go without a successful sync: the rule's interval when set, else learned from its cadence,
 * `STALE_INTERVAL_FACTOR` times the median gap between its recent successful syncs (`times`, newest first), at least
 * `STALE_MIN_INTERVAL_MS`. Null when there are too few syncs to learn from.
 */
export function expectedSyncIntervalMs(
  expectedIntervalMinutes: number | null,
  times: readonly Date[],
): number | null {
  if (expectedIntervalMinutes !== null) return expectedIntervalMinutes * 60_000;
  const gaps: number[] = [];
  for (let index = 1; index < times.length; index += 1) {
    const newer = times[index - 1];
    const older = times[index];
    if (newer && older) gaps.push(newer.getTime() - older.getTime());
  }
  if (gaps.length < STALE_MIN_INTERVALS) return null;
  gaps.sort((a, b) => a - b);
  const middle = Math.floor(gaps.length / 2);
  const median =
    gaps.length % 2 === 1 ? (gaps[middle] ?? 0) : ((gaps[middle - 1] ?? 0) + (gaps[middle] ?? 0)) / 2;
  return Math.max(STALE_MIN_INTERVAL_MS, median * STALE_INTERVAL_FACTOR);
}
