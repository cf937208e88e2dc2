import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SegmentSyncTimesParams = {
  environmentId: string;
  segmentKey: string | null;
  times: number;
  segments: number;
};

/**
 * The synced segments of an environment (or the one named), least recently synced first, each with the start times of
 * its latest successful sync runs, newest first: one index range per segment on sync_run_segment(segment_id, started_at).
 */
export const selectSegmentSyncTimesStatement = sqlStatement<SegmentSyncTimesParams>(
  "tributary_select_segment_sync_times",
  { environmentId: "::uuid", segmentKey: "::text", times: "::int", segments: "::int" },
  (p) => `
  SELECT s.key, ARRAY(
    SELECT r.started_at FROM sync_run_segment r JOIN sync_run u ON u.id = r.sync_run_id
    WHERE r.segment_id = s.id AND u.status <> 'failed'
    ORDER BY r.started_at DESC LIMIT ${p.times}) AS times
  FROM segment s
  WHERE s.environment_id = ${p.environmentId} AND s.external IS NOT NULL
    AND (${p.segmentKey} IS NULL OR s.key = ${p.segmentKey})
  ORDER BY s.last_sync_at ASC NULLS FIRST, s.id
  LIMIT ${p.segments}`,
);
