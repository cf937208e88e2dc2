import "server-only";
import type {
  AlertObservation,
  EvaluatedRule,
  RuleObservations,
} from "@/lib/server/alerts/alert-observation";
import { STALE_INTERVALS_EXAMINED, STALE_SEGMENTS_EXAMINED } from "@/lib/server/alerts/alert-worker-limits";
import { expectedSyncIntervalMs } from "@/lib/server/alerts/expected-sync-interval";
import { selectSegmentSyncTimesStatement } from "@/lib/server/alerts/select-segment-sync-times-statement";
import { pgPool } from "@/lib/server/db";

function minutes(ms: number): string {
  return `${Math.round(ms / 60_000)} min`;
}

/** segment_stale: per synced segment, whether its last successful sync is older than its expected interval. */
export async function observeStaleSegments(rule: EvaluatedRule, now: Date): Promise<RuleObservations> {
  const { rows } = await pgPool().query<{ key: string; times: Date[] }>(
    selectSegmentSyncTimesStatement.query({
      environmentId: rule.environmentId,
      segmentKey: rule.segmentKey,
      times: STALE_INTERVALS_EXAMINED + 1,
      segments: STALE_SEGMENTS_EXAMINED,
    }),
  );
  const observations: AlertObservation[] = [];
  for (const { key, times } of rows) {
    const expected = expectedSyncIntervalMs(rule.expectedIntervalMinutes, times);
    const last = times[0];
    if (expected === null || !last) continue;
    const age = now.getTime() - last.getTime();
    observations.push({
      subject: `segment:${key}`,
      firing: age > expected,
      summary: `Segment ${key}: last successful sync ${minutes(age)} ago (expected within ${minutes(expected)})`,
    });
  }
  return { observations, complete: rows.length < STALE_SEGMENTS_EXAMINED };
}
