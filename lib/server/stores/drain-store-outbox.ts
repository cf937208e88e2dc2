import "server-only";
import {
  OUTBOX_PAGE_SIZE,
  selectOutboxPageStatement,
} from "@/lib/server/stores/select-outbox-page-statement";
import { markStoreSynchronizedStatement } from "@/lib/server/stores/mark-store-synchronized-statement";
import type { Redis } from "ioredis";
import type pg from "pg";
import { pgPool } from "@/lib/server/db";
import { synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { applyBigSegmentOps } from "@/lib/server/stores/apply-big-segment-ops";
import { readOutboxRowOps } from "@/lib/server/stores/read-outbox-row-ops";
import type { StoreRow } from "@/lib/server/stores/store-row";

const MARK_EVERY_MS = 10_000;

async function markSynchronized(db: pg.ClientBase, redis: Redis, store: StoreRow, cursor: string) {
  await redis.set(synchronizedOnKey(store.config.prefix), String(Date.now()));
  await db.query(markStoreSynchronizedStatement.query({ storeId: store.id, cursor }));
}

type OutboxRow = { id: string; txid: string; segment_ref: string };

/**
 * Applies every outbox row of the store's environment whose transaction is below the horizon (no running transaction can
 * still add an earlier row), then moves the store's cursor to that horizon and marks the store synchronized.
 * Returns how many rows were applied.
 */
export async function drainStoreOutbox(store: StoreRow, redis: Redis): Promise<number> {
  const db = await pgPool().connect();
  try {
    const horizonResult = await db.query<{ horizon: string }>(
      "select pg_snapshot_xmin(pg_current_snapshot())::text as horizon",
    );
    const horizon = horizonResult.rows[0]?.horizon ?? store.outboxCursor;
    let after = { txid: store.outboxCursor, id: "0" };
    let applied = 0;
    let lastMarkedAt = Date.now();
    for (;;) {
      // Only the row ids here: each row's keys are read with their current state by readOutboxRowOps.
      const page = await db.query<OutboxRow>(
        selectOutboxPageStatement.query({
          environmentId: store.environmentId,
          outboxCursor: store.outboxCursor,
          horizon,
          afterTxid: after.txid,
          afterId: after.id,
        }),
      );
      if (page.rows.length === 0) break;
      // The next row's state is read from PostgreSQL while the previous row's writes are in Redis; the writes still go
      // out in row order on one connection, so a later read's operations always land after an earlier one's.
      let writing: Promise<void> = Promise.resolve();
      try {
        for (const row of page.rows) {
          const next = await readOutboxRowOps(db, { id: row.id, segmentRef: row.segment_ref });
          await writing;
          writing = applyBigSegmentOps(redis, store.config.prefix, next.segmentRef, next.hashes, next.ops);
          // Handled: a failure surfaces at the next `await writing`, not as an unhandled rejection meanwhile.
          writing.catch(() => undefined);
          applied++;
        }
      } finally {
        await writing;
      }
      const last = page.rows.at(-1);
      if (!last || page.rows.length < OUTBOX_PAGE_SIZE) break;
      after = { txid: last.txid, id: last.id };
      // A long backlog: every row of a smaller txid is applied, so progress survives a failure and SDKs do not see a
      // stale marker while the store catches up.
      if (Date.now() - lastMarkedAt >= MARK_EVERY_MS) {
        await markSynchronized(db, redis, store, last.txid);
        lastMarkedAt = Date.now();
      }
    }
    await markSynchronized(db, redis, store, horizon);
    return applied;
  } finally {
    db.release();
  }
}
