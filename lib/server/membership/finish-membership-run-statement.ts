import "server-only";
import { auditEntryInsertSql } from "@/lib/server/audit/audit-entry-insert-sql";

export type SegmentDelta = {
  segmentId: number;
  includedDelta: number;
  excludedDelta: number;
  added: number;
  removed: number;
  unchanged: number;
  skipped: number;
};

/**
 * The counters, the sync run, its per-segment rows and its audit entry (when $24 is not null) in one statement, the last
 * one of the transaction. Updating a segment row locks it until commit, so concurrent runs on one segment are serialized
 * only for this short end, not for their bulk writes. Rows are updated in id order (the array is sorted), which keeps two
 * multi-segment runs from locking in opposite orders.
 */
export const FINISH_STATEMENT = `
  WITH delta AS (
    SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[])
      AS d(segment_id, included_delta, excluded_delta, added, removed, unchanged, skipped)
  ), counters AS (
    UPDATE segment s
    SET included_count = s.included_count + d.included_delta,
        excluded_count = s.excluded_count + d.excluded_delta,
        membership_last_modified = CASE WHEN d.added + d.removed > 0 THEN $8 ELSE s.membership_last_modified END,
        last_sync_at = $8,
        last_sync_status = $9
    FROM delta d
    WHERE s.id = d.segment_id
    RETURNING s.id, s.included_count, s.excluded_count
  ), run AS (
    INSERT INTO sync_run (id, environment_id, source, status, started_at, duration_ms, token_id, token_name,
      token_ending, member_email, segment_keys, received, added, removed, unchanged, skipped, skipped_members,
      skipped_truncated, included_count_after)
    SELECT $10, $11, $12, $9, $13, $14, $15, $16, $17, $18, $19::text[], $20,
      (SELECT coalesce(sum(added), 0) FROM delta), (SELECT coalesce(sum(removed), 0) FROM delta),
      (SELECT coalesce(sum(unchanged), 0) FROM delta), $21, $22::jsonb, $23,
      (SELECT coalesce(sum(included_count), 0) FROM counters)
  ), run_segments AS (
    INSERT INTO sync_run_segment (sync_run_id, segment_id, started_at, added, removed, unchanged, skipped,
      included_count_after)
    SELECT $10, d.segment_id, $13, d.added, d.removed, d.unchanged, d.skipped, c.included_count
    FROM delta d JOIN counters c ON c.id = d.segment_id
  ), audit AS (
    ${auditEntryInsertSql(24)}
    WHERE $24::text IS NOT NULL
  )
  SELECT id, included_count, excluded_count FROM counters`;
