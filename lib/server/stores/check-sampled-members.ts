import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { excludeSetKey, includeSetKey } from "@/lib/server/stores/big-segment-keys";
import { keyAlphabet, randomSamplePivots } from "@/lib/server/stores/random-sample-pivots";
import {
  sampleSegmentListStatements,
  segmentKeyRangeStatements,
  type SegmentList,
} from "@/lib/server/stores/sample-segment-list-statements";
import { findPendingChanges, type PendingScope } from "@/lib/server/stores/find-pending-changes";
import type { DriftReport, VerifySegment } from "@/lib/server/stores/store-verification-types";

/** Included keys of each segment checked in the store per verification (all of them in a smaller segment). */
export const MEMBER_SAMPLE_PER_SEGMENT = 50;
/** Excluded keys of each segment checked per verification (exclusions are rare in synced segments). */
export const EXCLUSION_SAMPLE_PER_SEGMENT = 10;
/** Most keys one verification checks in all, over every segment; beyond it, a random subset of segments each time. */
export const MAX_SAMPLED_KEYS_PER_VERIFICATION = 2_000;
/** Keys read after each random pivot: a few short index ranges instead of one key per lookup. */
const KEYS_PER_PIVOT = 5;
/** Pivots over any printable character that first learn which characters a list's keys use. */
const ALPHABET_PIVOTS = 4;

async function sampleList(
  db: pg.ClientBase,
  segmentId: number,
  list: SegmentList,
  size: number,
  count: number,
): Promise<string[]> {
  if (count === 0 || size <= 0) return [];
  const read = async (pivots: string[], perPivot: number) => {
    const sample = await db.query<{ context_key: string }>(
      sampleSegmentListStatements[list].query({ segmentId, pivots, perPivot }),
    );
    return sample.rows.map((row) => row.context_key);
  };
  if (count <= size) return (await read([""], size)).slice(0, size);
  const range = await db.query<{ low: string | null; high: string | null }>(
    segmentKeyRangeStatements[list].query({ segmentId }),
  );
  const { low, high } = range.rows[0] ?? { low: null, high: null };
  if (low === null || high === null) return [];
  // A first few pivots over any characters show which ones the keys use; the rest are drawn from those.
  const pivots = Math.ceil(size / KEYS_PER_PIVOT);
  const first = await read(randomSamplePivots(low, high, ALPHABET_PIVOTS), KEYS_PER_PIVOT);
  const alphabet = keyAlphabet(low, high, [low, high, ...first]);
  const rest = await read(randomSamplePivots(low, high, pivots, alphabet), KEYS_PER_PIVOT);
  return [...new Set([...rest, ...first])].slice(0, size);
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

type Probe = { segment: VerifySegment; key: string; list: SegmentList };

/**
 * PostgreSQL to the store: a random sample of each segment's included and excluded keys must be in the context's include
 * or exclude set with the segment's ref. A key with a change not yet applied (pending) is not counted.
 */
export async function checkSampledMembers(
  db: pg.ClientBase,
  redis: Redis,
  prefix: string,
  segments: readonly VerifySegment[],
  pending: PendingScope,
  report: DriftReport,
): Promise<void> {
  let budget = MAX_SAMPLED_KEYS_PER_VERIFICATION;
  const probes: Probe[] = [];
  for (const segment of shuffled(segments)) {
    if (budget <= 0) break;
    for (const [list, size, count] of [
      ["included", MEMBER_SAMPLE_PER_SEGMENT, segment.includedCount],
      ["excluded", EXCLUSION_SAMPLE_PER_SEGMENT, segment.excludedCount],
    ] as const) {
      const keys = await sampleList(db, segment.id, list, Math.min(size, budget), count);
      budget -= keys.length;
      for (const key of keys) probes.push({ segment, key, list });
    }
  }
  if (probes.length === 0) return;
  const pipeline = redis.pipeline();
  for (const { segment, key, list } of probes) {
    const setKey = list === "included" ? includeSetKey(prefix, key) : excludeSetKey(prefix, key);
    pipeline.sismember(setKey, segment.ref);
  }
  const answers = (await pipeline.exec()) ?? [];
  // A key of the wrong type (WRONGTYPE) is drift as much as a missing one.
  const absent = probes.filter((_, index) => {
    const [error, isMember] = answers[index] ?? [null, 0];
    return error !== null || isMember !== 1;
  });
  const excused = await findPendingChanges(
    db,
    pending,
    "key",
    absent.map((probe) => probe.key),
  );
  const missing = new Map<VerifySegment, { included: number; excluded: number; sampled: number }>();
  for (const { segment } of probes) {
    const tally = missing.get(segment) ?? { included: 0, excluded: 0, sampled: 0 };
    tally.sampled++;
    missing.set(segment, tally);
  }
  for (const { segment, key, list } of absent) {
    const tally = missing.get(segment);
    if (tally && !excused.has(`${segment.id} ${key}`)) tally[list]++;
  }
  report.sampled += probes.length;
  let absentKeys = 0;
  let absentExclusions = 0;
  for (const [segment, tally] of missing) {
    if (tally.included + tally.excluded === 0) continue;
    report.segmentIds.add(segment.id);
    absentKeys += tally.included + tally.excluded;
    absentExclusions += tally.excluded;
  }
  if (absentKeys === 0) return;
  // Counts only: whoever may read the store's status or audit log need not be allowed to see every segment's key.
  report.reasons.push(
    `${absentKeys} of ${probes.length} sampled keys missing from the store in ${report.segmentIds.size} of ${missing.size} segment(s)` +
      (absentExclusions > 0 ? ` (${absentExclusions} of them exclusions)` : ""),
  );
}
