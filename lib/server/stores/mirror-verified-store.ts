import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { pgPool } from "@/lib/server/db";
import { synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { checkStoreDrift } from "@/lib/server/stores/check-store-drift";
import { drainStoreOutbox } from "@/lib/server/stores/drain-store-outbox";
import { readStoreVerification } from "@/lib/server/stores/read-store-verification";
import { readVerifySegments } from "@/lib/server/stores/read-verify-segments";
import { recordStoreDrift } from "@/lib/server/stores/record-store-drift";
import { recordStoreVerified } from "@/lib/server/stores/record-store-verified";
import { repairStoreDrift } from "@/lib/server/stores/repair-store-drift";
import type { StoreRow } from "@/lib/server/stores/store-row";
import { emptyDriftReport } from "@/lib/server/stores/store-verification-types";

/** How often each store is compared with PostgreSQL (a sample; see checkStoreDrift). */
export const STORE_VERIFY_INTERVAL_MS = 60_000;

async function withConnection<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const db = await pgPool().connect();
  try {
    return await work(db);
  } finally {
    db.release();
  }
}

/**
 * Repairs a degraded store before anything else is applied. The one exact check made on every pass: a store that has
 * been synchronized but lost its synchronized_on marker was emptied (FLUSHDB, a restart without persistence), so every
 * segment is resynced.
 */
async function repairIfDegraded(store: StoreRow, redis: Redis): Promise<Date | null> {
  return withConnection(async (db) => {
    let record = await readStoreVerification(db, store.id);
    if (record.driftDetectedAt === null && record.lastSyncAt !== null) {
      if ((await redis.exists(synchronizedOnKey(store.config.prefix))) === 0) {
        const report = emptyDriftReport();
        report.reasons.push("the store lost its big_segments_synchronized_on marker (emptied or replaced)");
        for (const segment of await readVerifySegments(db, store.environmentId))
          report.segmentIds.add(segment.id);
        await recordStoreDrift(store.id, record, report);
        record = await readStoreVerification(db, store.id);
      }
    }
    if (record.driftDetectedAt === null) return record.verifiedAt;
    await repairStoreDrift(db, store, redis, record, null);
    return new Date();
  });
}

/** Samples the store; on drift marks it degraded, audits it and repairs it at once (see repairStoreDrift). */
async function verifyStore(store: StoreRow, redis: Redis): Promise<void> {
  await withConnection(async (db) => {
    const report = await checkStoreDrift(db, store, redis);
    const record = await readStoreVerification(db, store.id);
    if (report.segmentIds.size === 0) {
      await recordStoreVerified(db, redis, { id: store.id, prefix: store.config.prefix }, record, null);
      return;
    }
    await recordStoreDrift(store.id, record, report);
    await repairStoreDrift(
      db,
      store,
      redis,
      await readStoreVerification(db, store.id),
      report.staleEntrySegmentIds,
    );
  });
}

/**
 * The worker's pass over one enabled, built store: repair it if it is degraded, apply the outbox, and verify it against
 * PostgreSQL when `intervalMs` has passed since its last verification (kept in PostgreSQL, so several worker processes
 * share the schedule). Returns how many outbox rows were applied.
 */
export async function mirrorVerifiedStore(
  store: StoreRow,
  redis: Redis,
  intervalMs: number = STORE_VERIFY_INTERVAL_MS,
): Promise<number> {
  const verifiedAt = await repairIfDegraded(store, redis);
  const applied = await drainStoreOutbox(store, redis);
  if (verifiedAt === null || Date.now() - verifiedAt.getTime() >= intervalMs) await verifyStore(store, redis);
  return applied;
}
