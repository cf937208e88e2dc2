import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { ApiError } from "@/lib/server/api/errors";
import type { AuditEntryData } from "@/lib/server/audit/audit-entry-data";
import { auditEntryInsertSql } from "@/lib/server/audit/audit-entry-insert-sql";
import { auditEntryValues } from "@/lib/server/audit/audit-entry-values";
import type { SyncRunActor } from "@/lib/server/membership/sync-run-actor";
import {
  membershipListStatement,
  type MembershipTable,
} from "@/lib/server/membership/membership-list-statement";
import { recentMembershipConflicts } from "@/lib/server/membership/recent-membership-conflicts";
import { TransactionConflict } from "@/lib/server/membership/transaction-conflict";
import { segmentRef } from "@/lib/server/stores/big-segment-keys";

/** A sync run lists at most this many skipped members (LD_COMPAT §8). */
const MAX_RECORDED_SKIPPED = 100;

export type KeyListChange = {
  add?: readonly string[];
  remove?: readonly string[];
  /** Each list holds a key at most once and no key is in both (a partner push): the statement need not deduplicate. */
  distinct?: boolean;
};

export type SkippedEntry = { id: string; reason: string };

export type SegmentMembershipChange = {
  segmentId: number;
  segmentKey: string;
  included?: KeyListChange;
  excluded?: KeyListChange;
  /** Member entries of the request attributed to this segment, valid or not. */
  received: number;
  /**
   * The segment's generation, when the caller already holds its row `FOR KEY SHARE` in this transaction (or created it):
   * the engine then need not lock and read it again.
   */
  lockedGeneration?: number;
  skipped: readonly SkippedEntry[];
};

export type MembershipRunInput = {
  environmentId: string;
  /** The integration key, or "contexts" / "import". */
  source: string;
  actor: SyncRunActor;
  startedAt: Date;
  changes: readonly SegmentMembershipChange[];
  /** Every member entry of the request, valid or not, including `unassignedSkipped`. */
  received: number;
  /** Skipped entries that belong to no segment (a mode A member without a usable cohort id). */
  unassignedSkipped?: readonly SkippedEntry[];
  /** The audit entry recording this run, written by the run's last statement (one round trip less per push). */
  audit?: (run: MembershipRunSummary) => AuditEntryData;
};

export type MembershipRunSummary = {
  syncRunId: string;
  status: "succeeded" | "partially_applied";
  counts: MembershipCounts;
};

export type MembershipCounts = {
  received: number;
  added: number;
  removed: number;
  unchanged: number;
  skipped: number;
};

export type SegmentMembershipOutcome = {
  segmentId: number;
  segmentKey: string;
  added: number;
  removed: number;
  unchanged: number;
  skipped: number;
  includedCount: number;
  excludedCount: number;
};

export type MembershipRunOutcome = MembershipRunSummary & {
  segments: SegmentMembershipOutcome[];
  includedCountAfter: number;
};

type ListOutcome = { added: number; removed: number; requested: number };

type ListStatements = { allNew: string; skipExisting: string };

function listStatements(table: MembershipTable, distinctKeys: boolean): ListStatements {
  return {
    allNew: membershipListStatement(table, { skipExisting: false, distinctKeys }),
    skipExisting: membershipListStatement(table, { skipExisting: true, distinctKeys }),
  };
}

const LIST_STATEMENTS = {
  segment_member: {
    any: listStatements("segment_member", false),
    distinct: listStatements("segment_member", true),
  },
  segment_exclusion: {
    any: listStatements("segment_exclusion", false),
    distinct: listStatements("segment_exclusion", true),
  },
} satisfies Record<MembershipTable, { any: ListStatements; distinct: ListStatements }>;

const UNIQUE_VIOLATION = "23505";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === UNIQUE_VIOLATION;
}

/** How JSON.stringify writes a lone surrogate (paired ones stay as they are); PostgreSQL's JSON parser refuses it. */
const ESCAPED_SURROGATE = /\\ud[89a-f][0-9a-f]{2}/i;

/**
 * The keys as a JSON array. A lone surrogate becomes U+FFFD, which is what the UTF-8 encoding of a text parameter made of
 * it before, instead of an error from PostgreSQL; two keys may then become one, so `rewritten` says it happened.
 */
function keysJson(keys: readonly string[]): { json: string; rewritten: boolean } {
  const json = JSON.stringify(keys);
  return ESCAPED_SURROGATE.test(json)
    ? { json: JSON.stringify(keys.map((key) => key.toWellFormed())), rewritten: true }
    : { json, rewritten: false };
}

type ListRun = {
  syncRunId: string;
  appliedAt: Date;
  environmentId: string;
  segmentId: number;
  segmentRef: string;
};

/**
 * Adds are first tried as all new (one index probe per key instead of two). When a key is already there, the statement
 * fails with a unique violation; the list is remembered as one that meets existing keys, and the whole transaction is
 * run again (`runMembershipTransaction`), this time with `ON CONFLICT DO NOTHING`. Nothing of the first attempt remains.
 */
async function applyList(
  client: PoolClient,
  table: MembershipTable,
  change: KeyListChange | undefined,
  run: ListRun,
): Promise<ListOutcome> {
  const add = change?.add ?? [];
  const remove = change?.remove ?? [];
  if (add.length === 0 && remove.length === 0) return { added: 0, removed: 0, requested: 0 };
  const removeJson = keysJson(remove);
  const addJson = keysJson(add);
  const distinct = change?.distinct === true && !removeJson.rewritten && !addJson.rewritten;
  const values = [
    run.segmentId,
    removeJson.json,
    addJson.json,
    run.appliedAt,
    run.syncRunId,
    run.environmentId,
    run.segmentRef,
  ];
  const statements = distinct ? LIST_STATEMENTS[table].distinct : LIST_STATEMENTS[table].any;
  const name = `tributary_membership_list_${table}${distinct ? "_distinct" : ""}`;
  const outcome = (rows: readonly ListOutcome[]): ListOutcome => {
    const row = firstRow(rows);
    return distinct ? { added: row.added, removed: row.removed, requested: add.length + remove.length } : row;
  };
  const list = `${table}:${run.segmentId}`;
  if (add.length > 0 && !recentMembershipConflicts.isRecent(list)) {
    try {
      const result = await client.query<ListOutcome>({
        name: `${name}_all_new`,
        text: statements.allNew,
        values,
      });
      return outcome(result.rows);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      recentMembershipConflicts.remember(list);
      throw new TransactionConflict(`${table} of segment ${run.segmentId} already holds some of the keys`, {
        backoff: false,
      });
    }
  }
  const result = await client.query<ListOutcome>({ name, text: statements.skipExisting, values });
  return outcome(result.rows);
}

function firstRow(rows: readonly ListOutcome[]): ListOutcome {
  const row = rows[0];
  if (row === undefined) throw new Error("the membership statement returned no row");
  return row;
}

type SegmentDelta = {
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
const FINISH_STATEMENT = `
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

/**
 * The membership engine: applies included/excluded adds and removes to one or more segments with set-based SQL, keeps
 * each segment's counters and sync status in step, and writes the sync run with its per-segment rows. Runs inside the
 * caller's transaction (see `runMembershipTransaction`), so all of it commits together or not at all.
 *
 * Concurrent runs on one segment write their members at the same time: `ON CONFLICT DO NOTHING` and `DELETE` report
 * exactly the rows each changed (a key inserted by another open transaction is waited for), so adding those numbers to
 * the counters at the end keeps `included_count` equal to the number of rows. Each segment row is first locked `FOR KEY
 * SHARE`, which lets other runs proceed but keeps the segment from being deleted (or a replace import from diffing it)
 * until this run commits.
 */
export async function applyMembershipChanges(
  client: PoolClient,
  input: MembershipRunInput,
): Promise<MembershipRunOutcome> {
  const changes = [...input.changes].sort((a, b) => a.segmentId - b.segmentId);
  const segmentIds = changes.map((change) => change.segmentId);
  if (new Set(segmentIds).size !== segmentIds.length) {
    throw new Error("applyMembershipChanges: one change per segment");
  }
  const refs = await lockSegments(client, changes);
  const syncRunId = randomUUID();
  const appliedAt = new Date();
  const unassignedSkipped = input.unassignedSkipped ?? [];
  const skippedCount = unassignedSkipped.length + sum(input.changes, (change) => change.skipped.length);
  const recordedSkipped = firstSkipped(unassignedSkipped, input.changes, MAX_RECORDED_SKIPPED);
  const status = skippedCount > 0 ? "partially_applied" : "succeeded";

  const deltas: SegmentDelta[] = [];
  for (const change of changes) {
    const run = {
      syncRunId,
      appliedAt,
      environmentId: input.environmentId,
      segmentId: change.segmentId,
      segmentRef: refs.get(change.segmentId) ?? "",
    };
    const included = await applyList(client, "segment_member", change.included, run);
    const excluded = await applyList(client, "segment_exclusion", change.excluded, run);
    const added = included.added + excluded.added;
    const removed = included.removed + excluded.removed;
    deltas.push({
      segmentId: change.segmentId,
      includedDelta: included.added - included.removed,
      excludedDelta: excluded.added - excluded.removed,
      added,
      removed,
      unchanged: included.requested + excluded.requested - added - removed,
      skipped: change.skipped.length,
    });
  }

  const counts: MembershipCounts = {
    received: input.received,
    added: sum(deltas, (delta) => delta.added),
    removed: sum(deltas, (delta) => delta.removed),
    unchanged: sum(deltas, (delta) => delta.unchanged),
    skipped: skippedCount,
  };
  const audit = input.audit?.({ syncRunId, status, counts });
  const durationMs = Math.max(0, Date.now() - input.startedAt.getTime());
  const finished = await client.query<{ id: number; included_count: number; excluded_count: number }>({
    name: "tributary_finish_membership_run",
    text: FINISH_STATEMENT,
    values: [
      deltas.map((delta) => delta.segmentId),
      deltas.map((delta) => delta.includedDelta),
      deltas.map((delta) => delta.excludedDelta),
      deltas.map((delta) => delta.added),
      deltas.map((delta) => delta.removed),
      deltas.map((delta) => delta.unchanged),
      deltas.map((delta) => delta.skipped),
      appliedAt,
      status,
      syncRunId,
      input.environmentId,
      input.source,
      input.startedAt,
      durationMs,
      input.actor.tokenId,
      input.actor.tokenName,
      input.actor.tokenEnding,
      input.actor.memberEmail,
      input.changes.map((change) => change.segmentKey),
      input.received,
      skippedCount,
      JSON.stringify(recordedSkipped),
      skippedCount > MAX_RECORDED_SKIPPED,
      ...auditEntryValues(audit ?? null),
    ],
  });
  const counters = new Map(finished.rows.map((row) => [row.id, row]));

  const segments: SegmentMembershipOutcome[] = [];
  for (const [index, change] of changes.entries()) {
    const delta = deltas[index];
    const row = counters.get(change.segmentId);
    if (delta === undefined || row === undefined) {
      throw new Error(`segment ${change.segmentId} vanished under its own lock`);
    }
    segments.push({
      segmentId: change.segmentId,
      segmentKey: change.segmentKey,
      added: delta.added,
      removed: delta.removed,
      unchanged: delta.unchanged,
      skipped: delta.skipped,
      includedCount: row.included_count,
      excludedCount: row.excluded_count,
    });
  }
  const includedCountAfter = sum(segments, (segment) => segment.includedCount);
  return { syncRunId, status, counts, segments, includedCountAfter };
}

/** Each segment's store reference (key and generation), its row locked `FOR KEY SHARE` unless the caller holds it already. */
async function lockSegments(
  client: PoolClient,
  changes: readonly SegmentMembershipChange[],
): Promise<Map<number, string>> {
  const refs = new Map<number, string>();
  const toLock: number[] = [];
  for (const change of changes) {
    if (change.lockedGeneration === undefined) toLock.push(change.segmentId);
    else refs.set(change.segmentId, segmentRef(change.segmentKey, change.lockedGeneration));
  }
  if (toLock.length === 0) return refs;
  const locked = await client.query<{ id: number; key: string; generation: number }>({
    name: "tributary_lock_membership_segments",
    text: "SELECT id, key, generation FROM segment WHERE id = ANY($1::int[]) ORDER BY id FOR KEY SHARE",
    values: [toLock],
  });
  if (locked.rowCount !== toLock.length) {
    throw new ApiError("not_found", "The segment was deleted while the sync was being applied");
  }
  for (const row of locked.rows) refs.set(row.id, segmentRef(row.key, row.generation));
  return refs;
}

/** The first `limit` skipped entries in the order the sync run lists them, without copying all of them. */
function firstSkipped(
  unassigned: readonly SkippedEntry[],
  changes: readonly SegmentMembershipChange[],
  limit: number,
): SkippedEntry[] {
  const first = unassigned.slice(0, limit);
  for (const change of changes) {
    if (first.length >= limit) break;
    first.push(...change.skipped.slice(0, limit - first.length));
  }
  return first;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
