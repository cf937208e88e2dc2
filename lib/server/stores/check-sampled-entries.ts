import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { CONTEXT_HASH } from "@/lib/server/stores/remove-own-refs";
import { selectMemberHashesStatement } from "@/lib/server/stores/select-member-hashes-statement";
import { findPendingChanges, type PendingScope } from "@/lib/server/stores/find-pending-changes";
import type { DriftReport, VerifySegment } from "@/lib/server/stores/store-verification-types";

/** Random keys drawn from the store (RANDOMKEY, constant time each) per verification. */
export const RANDOM_STORE_KEYS_PER_VERIFICATION = 200;
/**
 * Largest segment whose sampled store entries are checked in PostgreSQL: PostgreSQL keeps no hash of a key, so the check
 * hashes the segment's members (about 0.2 s of PostgreSQL CPU per 100,000 measured on a 2-core machine). Entries of
 * larger segments are not checked this way.
 */
export const ENTRY_CHECK_MAX_MEMBERS = 100_000;
/** Most members one verification hashes in all for that check; the segments past it wait for a later verification. */
export const ENTRY_CHECK_MAX_HASHED_PER_VERIFICATION = 200_000;

/**
 * The store to PostgreSQL: random include sets of the store, and each ref in them of one of the environment's current
 * segments must belong to a member of that segment (or to a key whose change is pending).
 */
export async function checkSampledEntries(
  db: pg.ClientBase,
  redis: Redis,
  prefix: string,
  segments: readonly VerifySegment[],
  pending: PendingScope,
  report: DriftReport,
): Promise<void> {
  const includePrefix = `${prefix}:big_segment_include:`;
  const draw = redis.pipeline();
  for (let index = 0; index < RANDOM_STORE_KEYS_PER_VERIFICATION; index++) draw.randomkey();
  const drawn = new Set<string>();
  for (const [error, key] of (await draw.exec()) ?? []) {
    if (error || typeof key !== "string" || !key.startsWith(includePrefix)) continue;
    if (CONTEXT_HASH.test(key.slice(includePrefix.length))) drawn.add(key);
  }
  if (drawn.size === 0) return;
  const keys = [...drawn];
  const read = redis.pipeline();
  for (const key of keys) read.smembers(key);
  const members = (await read.exec()) ?? [];
  const byRef = new Map(segments.map((segment) => [segment.ref, segment]));
  const hashesBySegment = new Map<VerifySegment, Set<string>>();
  keys.forEach((key, index) => {
    const [error, refs] = members[index] ?? [null, []];
    if (error || !Array.isArray(refs)) return;
    for (const ref of refs) {
      const segment = typeof ref === "string" ? byRef.get(ref) : undefined;
      if (!segment) continue;
      const hashes = hashesBySegment.get(segment) ?? new Set<string>();
      hashes.add(key.slice(includePrefix.length));
      hashesBySegment.set(segment, hashes);
    }
  });
  let hashBudget = ENTRY_CHECK_MAX_HASHED_PER_VERIFICATION;
  const tally = { checked: 0, stale: 0, segments: 0 };
  for (const [segment, hashes] of hashesBySegment) {
    if (segment.includedCount > ENTRY_CHECK_MAX_MEMBERS || segment.includedCount > hashBudget) continue;
    hashBudget -= segment.includedCount;
    const sampled = [...hashes];
    const found = await db.query<{ hash: string }>(
      selectMemberHashesStatement.query({ segmentId: segment.id, hashes: sampled }),
    );
    const known = new Set(found.rows.map((row) => row.hash));
    const unknown = sampled.filter((hash) => !known.has(hash));
    const excused = await findPendingChanges(db, pending, "hash", unknown);
    const stale = unknown.filter((hash) => !excused.has(`${segment.id} ${hash}`)).length;
    report.sampled += hashes.size;
    tally.checked += hashes.size;
    if (stale === 0) continue;
    tally.stale += stale;
    tally.segments++;
    report.segmentIds.add(segment.id);
    report.staleEntrySegmentIds.add(segment.id);
  }
  if (tally.stale === 0) return;
  // Counts only, as in checkSampledMembers: segment keys stay out of the status and the audit log.
  report.reasons.push(
    `${tally.stale} of ${tally.checked} sampled store entries are not members, in ${tally.segments} segment(s)`,
  );
}
