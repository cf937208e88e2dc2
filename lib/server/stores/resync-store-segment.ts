import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { applyBigSegmentOps, type SetOps } from "@/lib/server/stores/apply-big-segment-ops";
import { contextKeyHash } from "@/lib/server/stores/big-segment-keys";
import { CONTEXT_HASH } from "@/lib/server/stores/remove-own-refs";
import { selectResyncExclusionPageStatement } from "@/lib/server/stores/select-resync-exclusion-page-statement";
import {
  RESYNC_PAGE_SIZE,
  selectResyncMemberPageStatement,
} from "@/lib/server/stores/select-resync-member-page-statement";
import type { VerifySegment } from "@/lib/server/stores/store-verification-types";

/** Include sets read per SCAN round trip while removing a segment's stale entries. */
const STALE_SCAN_BATCH = 1000;

/**
 * Writes every included and excluded key of one segment into the store (idempotent adds, so SDKs never see a member
 * missing meanwhile) and returns the hashes of its included keys when asked to.
 */
async function addSegmentKeys(
  db: pg.ClientBase,
  redis: Redis,
  prefix: string,
  segment: VerifySegment,
  collectHashes: boolean,
): Promise<Set<string>> {
  const memberHashes = new Set<string>();
  for (const [statement, ops] of [
    [selectResyncMemberPageStatement, "+."],
    [selectResyncExclusionPageStatement, ".+"],
  ] as const) {
    let after = "";
    for (;;) {
      const page = await db.query<{ context_key: string }>(statement.query({ segmentId: segment.id, after }));
      if (page.rows.length === 0) break;
      const hashes = page.rows.map((row) => contextKeyHash(row.context_key));
      if (collectHashes && ops === "+.") for (const hash of hashes) memberHashes.add(hash);
      await applyBigSegmentOps(
        redis,
        prefix,
        segment.ref,
        hashes,
        hashes.map((): SetOps => ops),
      );
      after = page.rows.at(-1)?.context_key ?? after;
      if (page.rows.length < RESYNC_PAGE_SIZE) break;
    }
  }
  return memberHashes;
}

/** Removes the segment's ref from every include set of a context that is not a member. */
async function removeStaleEntries(redis: Redis, prefix: string, ref: string, memberHashes: Set<string>) {
  const includePrefix = `${prefix}:big_segment_include:`;
  let cursor = "0";
  do {
    const [next, matched] = await redis.scan(cursor, "MATCH", `${includePrefix}*`, "COUNT", STALE_SCAN_BATCH);
    cursor = next;
    const stale = matched.filter((key) => {
      const hash = key.slice(includePrefix.length);
      return CONTEXT_HASH.test(hash) && !memberHashes.has(hash);
    });
    if (stale.length === 0) continue;
    const write = redis.pipeline();
    for (const key of stale) write.srem(key, ref);
    const results = (await write.exec()) ?? [];
    const failure = results.find(([error]) => error);
    if (failure?.[0]) throw failure[0];
  } while (cursor !== "0");
}

/**
 * Rewrites one segment into the store from PostgreSQL: adds every key, then, when the store was found holding entries for
 * non-members, removes the segment's ref from every other include set (a SCAN of the store's keys). A change committed
 * meanwhile is in the outbox, which the drain that follows applies with its current state.
 */
export async function resyncStoreSegment(
  db: pg.ClientBase,
  redis: Redis,
  prefix: string,
  segment: VerifySegment,
  removeStale: boolean,
): Promise<void> {
  const memberHashes = await addSegmentKeys(db, redis, prefix, segment, removeStale);
  if (removeStale) await removeStaleEntries(redis, prefix, segment.ref, memberHashes);
}
