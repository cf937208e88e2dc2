import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { ENTRY_CHECK_MAX_MEMBERS } from "@/lib/server/stores/check-sampled-entries";
import { checkStoreDrift } from "@/lib/server/stores/check-store-drift";
import type { StoreVerificationRecord } from "@/lib/server/stores/read-store-verification";
import { readVerifySegments } from "@/lib/server/stores/read-verify-segments";
import { recordStoreVerified } from "@/lib/server/stores/record-store-verified";
import { resyncStoreSegment } from "@/lib/server/stores/resync-store-segment";
import type { StoreRow } from "@/lib/server/stores/store-row";

/**
 * Resyncs the drifted segments of a degraded store from PostgreSQL, checks them again with a new sample, and ends the
 * degraded state only when that sample matches; otherwise it throws, so the worker records the error, retries with
 * backoff, and applies no outbox (whose drain would write the synchronized_on marker) until the store is verified.
 * `staleEntrySegmentIds`: the segments found holding entries for non-members; unknown after a restart, when every
 * drifted segment small enough for that check has them removed.
 */
export async function repairStoreDrift(
  db: pg.ClientBase,
  store: StoreRow,
  redis: Redis,
  record: StoreVerificationRecord,
  staleEntrySegmentIds: ReadonlySet<number> | null,
): Promise<void> {
  const drifted = new Set(record.driftSegmentIds);
  const segments = (await readVerifySegments(db, store.environmentId)).filter((segment) =>
    drifted.has(segment.id),
  );
  for (const segment of segments) {
    const removeStale = staleEntrySegmentIds
      ? staleEntrySegmentIds.has(segment.id)
      : segment.includedCount <= ENTRY_CHECK_MAX_MEMBERS;
    await resyncStoreSegment(db, redis, store.config.prefix, segment, removeStale);
  }
  const after = await checkStoreDrift(db, store, redis, new Set(segments.map((segment) => segment.id)));
  if (after.segmentIds.size > 0) {
    throw new Error(`Drift remains after resyncing: ${after.reasons.join("; ")}`);
  }
  await recordStoreVerified(
    db,
    redis,
    { id: store.id, prefix: store.config.prefix },
    record,
    segments.length,
  );
}
