import "server-only";
import {
  AUDIT_ENTRY_CASTS,
  auditEntryInsertSql,
  type AuditEntryParams,
} from "@/lib/server/audit/audit-entry-statement";
import { sqlStatement, type ParameterCasts } from "@/lib/server/sql/sql-statement";

export type SegmentDelta = {
  segmentId: number;
  includedDelta: number;
  excludedDelta: number;
  added: number;
  removed: number;
  unchanged: number;
  skipped: number;
};

/** The sync run a membership run ends with, and its audit entry (all audit fields null: none). */
export type FinishMembershipRunParams = {
  /** One entry per segment in each of these seven arrays, sorted by segment id. */
  segmentIds: number[];
  includedDeltas: number[];
  excludedDeltas: number[];
  added: number[];
  removed: number[];
  unchanged: number[];
  skipped: number[];
  appliedAt: Date;
  status: string;
  syncRunId: string;
  environmentId: string;
  source: string;
  startedAt: Date;
  durationMs: number;
  tokenId: string | null;
  tokenName: string | null;
  tokenEnding: string | null;
  memberEmail: string | null;
  segmentKeys: string[];
  received: number;
  skippedCount: number;
  /** The first skipped members, as a JSON array. */
  skippedMembersJson: string;
  skippedTruncated: boolean;
} & AuditEntryParams;

const CASTS: ParameterCasts<FinishMembershipRunParams> = {
  segmentIds: "::int[]",
  includedDeltas: "::int[]",
  excludedDeltas: "::int[]",
  added: "::int[]",
  removed: "::int[]",
  unchanged: "::int[]",
  skipped: "::int[]",
  appliedAt: "",
  status: "",
  syncRunId: "",
  environmentId: "",
  source: "",
  startedAt: "",
  durationMs: "",
  tokenId: "",
  tokenName: "",
  tokenEnding: "",
  memberEmail: "",
  segmentKeys: "::text[]",
  received: "",
  skippedCount: "",
  skippedMembersJson: "::jsonb",
  skippedTruncated: "",
  ...AUDIT_ENTRY_CASTS,
};

/**
 * The counters, the sync run, its per-segment rows and its audit entry (when there is one) in one statement, the last
 * one of the transaction. Updating a segment row locks it until commit, so concurrent runs on one segment are serialized
 * only for this short end, not for their bulk writes. Rows are updated in id order (the array is sorted), which keeps two
 * multi-segment runs from locking in opposite orders.
 */
export const finishMembershipRunStatement = sqlStatement(
  "tributary_finish_membership_run",
  CASTS,
  (p) => `
  WITH delta AS (
    SELECT * FROM unnest(${p.segmentIds}, ${p.includedDeltas}, ${p.excludedDeltas}, ${p.added}, ${p.removed},
      ${p.unchanged}, ${p.skipped})
      AS d(segment_id, included_delta, excluded_delta, added, removed, unchanged, skipped)
  ), counters AS (
    UPDATE segment s
    SET included_count = s.included_count + d.included_delta,
        excluded_count = s.excluded_count + d.excluded_delta,
        membership_last_modified = CASE WHEN d.added + d.removed > 0 THEN ${p.appliedAt} ELSE s.membership_last_modified END,
        last_sync_at = ${p.appliedAt},
        last_sync_status = ${p.status}
    FROM delta d
    WHERE s.id = d.segment_id
    RETURNING s.id, s.included_count, s.excluded_count
  ), run AS (
    INSERT INTO sync_run (id, environment_id, source, status, started_at, duration_ms, token_id, token_name,
      token_ending, member_email, segment_keys, received, added, removed, unchanged, skipped, skipped_members,
      skipped_truncated, included_count_after)
    SELECT ${p.syncRunId}, ${p.environmentId}, ${p.source}, ${p.status}, ${p.startedAt}, ${p.durationMs},
      ${p.tokenId}, ${p.tokenName}, ${p.tokenEnding}, ${p.memberEmail}, ${p.segmentKeys}, ${p.received},
      (SELECT coalesce(sum(added), 0) FROM delta), (SELECT coalesce(sum(removed), 0) FROM delta),
      (SELECT coalesce(sum(unchanged), 0) FROM delta), ${p.skippedCount}, ${p.skippedMembersJson},
      ${p.skippedTruncated}, (SELECT coalesce(sum(included_count), 0) FROM counters)
  ), run_segments AS (
    INSERT INTO sync_run_segment (sync_run_id, segment_id, started_at, added, removed, unchanged, skipped,
      included_count_after)
    SELECT ${p.syncRunId}, d.segment_id, ${p.startedAt}, d.added, d.removed, d.unchanged, d.skipped, c.included_count
    FROM delta d JOIN counters c ON c.id = d.segment_id
  ), audit AS (
    ${auditEntryInsertSql(p)}
    WHERE ${p.auditKind} IS NOT NULL
  )
  SELECT id, included_count, excluded_count FROM counters`,
);
