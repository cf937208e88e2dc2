import "server-only";
import { lockMembershipSegmentsStatement } from "@/lib/server/membership/lock-membership-segments-statement";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { ApiError } from "@/lib/server/api/errors";
import { auditEntryParams } from "@/lib/server/audit/audit-entry-statement";
import { applyList } from "@/lib/server/membership/apply-membership-list";
import {
  finishMembershipRunStatement,
  type SegmentDelta,
} from "@/lib/server/membership/finish-membership-run-statement";
import type {
  MembershipCounts,
  MembershipRunInput,
  MembershipRunOutcome,
  SegmentMembershipChange,
  SegmentMembershipOutcome,
  SkippedEntry,
} from "@/lib/server/membership/membership-run-types";
import { segmentRef } from "@/lib/server/stores/big-segment-keys";

/** A sync run lists at most this many skipped members (api-contract §7). */
const MAX_RECORDED_SKIPPED = 100;

export type {
  KeyListChange,
  MembershipCounts,
  MembershipRunInput,
  MembershipRunOutcome,
  MembershipRunSummary,
  SegmentMembershipChange,
  SegmentMembershipOutcome,
  SkippedEntry,
} from "@/lib/server/membership/membership-run-types";

/**
 * The membership engine: applies included/excluded adds and removes to one or more segments with set-based SQL, keeps
 * each segment's counters and sync status in step, and writes the sync run with its per-segment rows. Runs inside the
 * caller's transaction (see `runSqlTransaction`), so all of it commits together or not at all.
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
  const finished = await client.query<{ id: number; included_count: number; excluded_count: number }>(
    finishMembershipRunStatement.query({
      segmentIds: deltas.map((delta) => delta.segmentId),
      includedDeltas: deltas.map((delta) => delta.includedDelta),
      excludedDeltas: deltas.map((delta) => delta.excludedDelta),
      added: deltas.map((delta) => delta.added),
      removed: deltas.map((delta) => delta.removed),
      unchanged: deltas.map((delta) => delta.unchanged),
      skipped: deltas.map((delta) => delta.skipped),
      appliedAt,
      status,
      syncRunId,
      environmentId: input.environmentId,
      source: input.source,
      startedAt: input.startedAt,
      durationMs,
      tokenId: input.actor.tokenId,
      tokenName: input.actor.tokenName,
      tokenEnding: input.actor.tokenEnding,
      memberEmail: input.actor.memberEmail,
      segmentKeys: input.changes.map((change) => change.segmentKey),
      received: input.received,
      skippedCount,
      skippedMembersJson: JSON.stringify(recordedSkipped),
      skippedTruncated: skippedCount > MAX_RECORDED_SKIPPED,
      ...auditEntryParams(audit ?? null),
    }),
  );
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
  const locked = await client.query<{ id: number; key: string; generation: number }>(
    lockMembershipSegmentsStatement.query({ segmentIds: toLock }),
  );
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
