import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { ApiError } from "@/lib/server/api/errors";
import type { SyncRunActor } from "@/lib/server/membership/sync-run-actor";
import { segmentRef } from "@/lib/server/stores/big-segment-keys";
import { enqueueStoreChanges, type StoreChange } from "@/lib/server/stores/enqueue-store-changes";

/** A sync run lists at most this many skipped members (LD_COMPAT §8). */
const MAX_RECORDED_SKIPPED = 100;

export type KeyListChange = { add?: readonly string[]; remove?: readonly string[] };

export type SkippedEntry = { id: string; reason: string };

export type SegmentMembershipChange = {
  segmentId: number;
  segmentKey: string;
  included?: KeyListChange;
  excluded?: KeyListChange;
  /** Member entries of the request attributed to this segment, valid or not. */
  received: number;
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

export type MembershipRunOutcome = {
  syncRunId: string;
  status: "succeeded" | "partially_applied";
  counts: MembershipCounts;
  segments: SegmentMembershipOutcome[];
  includedCountAfter: number;
};

type MembershipTable = "segment_member" | "segment_exclusion";

type ListOutcome = {
  added: number;
  removed: number;
  requested: number;
  /** The keys whose membership changed, when asked for (a store mirrors them); otherwise empty. */
  changedKeys: string[];
};

/** Distinct keys, a key both added and removed only removed (LD_COMPAT §3), each list sorted for index locality. */
function normalize(change: KeyListChange | undefined): { add: string[]; remove: string[] } {
  const remove = new Set(change?.remove ?? []);
  const add = new Set<string>();
  for (const key of change?.add ?? []) if (!remove.has(key)) add.add(key);
  return { add: Array.from(add).sort(), remove: Array.from(remove).sort() };
}

async function applyList(
  client: PoolClient,
  table: MembershipTable,
  segmentId: number,
  change: KeyListChange | undefined,
  run: { syncRunId: string; appliedAt: Date; collectChangedKeys: boolean },
): Promise<ListOutcome> {
  const { add, remove } = normalize(change);
  // Returning the changed keys costs a transfer of up to 100,000 keys, so only when a store needs them.
  const returning = run.collectChangedKeys ? "RETURNING context_key" : "";
  const changedKeys: string[] = [];
  let removed = 0;
  let added = 0;
  if (remove.length > 0) {
    const result = await client.query<{ context_key: string }>(
      `DELETE FROM ${table} WHERE segment_id = $1 AND context_key = ANY($2::text[]) ${returning}`,
      [segmentId, remove],
    );
    removed = result.rowCount ?? 0;
    for (const row of result.rows) changedKeys.push(row.context_key);
  }
  if (add.length > 0) {
    // ON CONFLICT rather than NOT EXISTS: measured within noise under the segment lock, and safe even for a writer
    // that does not take the lock.
    const result = await client.query<{ context_key: string }>(
      `INSERT INTO ${table} (segment_id, context_key, added_at, sync_run_id)
       SELECT $1, k, $3, $4 FROM unnest($2::text[]) AS k
       ON CONFLICT DO NOTHING ${returning}`,
      [segmentId, add, run.appliedAt, run.syncRunId],
    );
    added = result.rowCount ?? 0;
    for (const row of result.rows) changedKeys.push(row.context_key);
  }
  return { added, removed, requested: add.length + remove.length, changedKeys };
}

async function hasEnabledStore(client: PoolClient, environmentId: string): Promise<boolean> {
  const result = await client.query<{ enabled: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM store_integration WHERE environment_id = $1 AND "on") AS enabled`,
    [environmentId],
  );
  return result.rows[0]?.enabled === true;
}

/**
 * The membership engine: applies included/excluded adds and removes to one or more segments with set-based SQL, keeps
 * each segment's counters and sync status in step, and writes the sync run with its per-segment rows. Runs inside the
 * caller's transaction (see `runMembershipTransaction`), so all of it commits together or not at all.
 *
 * Each segment's row is locked (in id order, so two runs over overlapping segments cannot deadlock): writers of one
 * segment's members are serialized, which keeps `included_count` equal to the number of rows.
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
  const locked = await client.query<{ id: number; key: string; generation: number }>(
    "SELECT id, key, generation FROM segment WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE",
    [segmentIds],
  );
  if (locked.rowCount !== segmentIds.length) {
    throw new ApiError("not_found", "The segment was deleted while the sync was being applied");
  }

  const refs = new Map(locked.rows.map((row) => [row.id, segmentRef(row.key, row.generation)]));
  const run = {
    syncRunId: randomUUID(),
    appliedAt: new Date(),
    collectChangedKeys: await hasEnabledStore(client, input.environmentId),
  };
  const { syncRunId, appliedAt } = run;
  const storeChanges: StoreChange[] = [];
  const unassignedSkipped = input.unassignedSkipped ?? [];
  const allSkipped = [...unassignedSkipped, ...input.changes.flatMap((change) => change.skipped)];
  const status = allSkipped.length > 0 ? "partially_applied" : "succeeded";

  const segments: SegmentMembershipOutcome[] = [];
  for (const change of changes) {
    const included = await applyList(client, "segment_member", change.segmentId, change.included, run);
    const excluded = await applyList(client, "segment_exclusion", change.segmentId, change.excluded, run);
    if (run.collectChangedKeys) {
      storeChanges.push({
        segmentId: change.segmentId,
        segmentRef: refs.get(change.segmentId) ?? "",
        contextKeys: [...new Set([...included.changedKeys, ...excluded.changedKeys])],
      });
    }
    const added = included.added + excluded.added;
    const removed = included.removed + excluded.removed;
    const counters = await client.query<{ included_count: number; excluded_count: number }>(
      `UPDATE segment
       SET included_count = included_count + $2,
           excluded_count = excluded_count + $3,
           membership_last_modified = CASE WHEN $4 THEN $5 ELSE membership_last_modified END,
           last_sync_at = $5,
           last_sync_status = $6
       WHERE id = $1
       RETURNING included_count, excluded_count`,
      [
        change.segmentId,
        included.added - included.removed,
        excluded.added - excluded.removed,
        added + removed > 0,
        appliedAt,
        status,
      ],
    );
    const row = counters.rows[0];
    if (row === undefined) throw new Error(`segment ${change.segmentId} vanished under its own lock`);
    segments.push({
      segmentId: change.segmentId,
      segmentKey: change.segmentKey,
      added,
      removed,
      unchanged: included.requested + excluded.requested - added - removed,
      skipped: change.skipped.length,
      includedCount: row.included_count,
      excludedCount: row.excluded_count,
    });
  }

  // In this transaction, so the store worker mirrors exactly what commits (LD_COMPAT §7).
  await enqueueStoreChanges(client, input.environmentId, storeChanges);

  const counts: MembershipCounts = {
    received: input.received,
    added: sum(segments, (segment) => segment.added),
    removed: sum(segments, (segment) => segment.removed),
    unchanged: sum(segments, (segment) => segment.unchanged),
    skipped: allSkipped.length,
  };
  const includedCountAfter = sum(segments, (segment) => segment.includedCount);
  const durationMs = Math.max(0, Date.now() - input.startedAt.getTime());

  await client.query(
    `INSERT INTO sync_run (id, environment_id, source, status, started_at, duration_ms, token_id, token_name,
       token_ending, member_email, segment_keys, received, added, removed, unchanged, skipped, skipped_members,
       skipped_truncated, included_count_after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13, $14, $15, $16, $17::jsonb, $18, $19)`,
    [
      syncRunId,
      input.environmentId,
      input.source,
      status,
      input.startedAt,
      durationMs,
      input.actor.tokenId,
      input.actor.tokenName,
      input.actor.tokenEnding,
      input.actor.memberEmail,
      input.changes.map((change) => change.segmentKey),
      counts.received,
      counts.added,
      counts.removed,
      counts.unchanged,
      counts.skipped,
      JSON.stringify(allSkipped.slice(0, MAX_RECORDED_SKIPPED)),
      allSkipped.length > MAX_RECORDED_SKIPPED,
      includedCountAfter,
    ],
  );
  await client.query(
    `INSERT INTO sync_run_segment (sync_run_id, segment_id, started_at, added, removed, unchanged, skipped,
       included_count_after)
     SELECT $1, s.segment_id, $2, s.added, s.removed, s.unchanged, s.skipped, s.included_count_after
     FROM unnest($3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])
       AS s(segment_id, added, removed, unchanged, skipped, included_count_after)`,
    [
      syncRunId,
      input.startedAt,
      segments.map((segment) => segment.segmentId),
      segments.map((segment) => segment.added),
      segments.map((segment) => segment.removed),
      segments.map((segment) => segment.unchanged),
      segments.map((segment) => segment.skipped),
      segments.map((segment) => segment.includedCount),
    ],
  );

  return { syncRunId, status, counts, segments, includedCountAfter };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
