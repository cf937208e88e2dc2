import "server-only";
import { recordStoreErrorStatement } from "@/lib/server/stores/record-store-error-statement";
import { deleteStoreStatement } from "@/lib/server/stores/delete-store-statement";
import { unlockStoreStatement } from "@/lib/server/stores/unlock-store-statement";
import { tryLockStoreStatement } from "@/lib/server/stores/try-lock-store-statement";
import type { Redis } from "ioredis";
import { pgPool } from "@/lib/server/db";
import { cleanRetiredStore } from "@/lib/server/stores/clean-retired-store";
import { connectRedis } from "@/lib/server/stores/connect-redis";
import { describeStoreError } from "@/lib/server/stores/describe-store-error";
import { fullResyncStore } from "@/lib/server/stores/full-resync-store";
import { mirrorVerifiedStore, STORE_VERIFY_INTERVAL_MS } from "@/lib/server/stores/mirror-verified-store";
import { parseStoredConfig } from "@/lib/server/stores/parse-stored-config";
import type { StoreRow } from "@/lib/server/stores/store-row";

/** How long the worker tries to clean up after a deleted or moved store before it frees the old target regardless. */
export const RETIRED_STORE_GIVE_UP_MS = 24 * 60 * 60 * 1000;

type Connection = { redis: Redis; version: number };
type Backoff = { failures: number; retryAt: number };

/**
 * Per-process state of the worker: one Redis connection per store, the backoff of failing stores, and how often each
 * store is verified against PostgreSQL.
 */
export type StoreWorkerState = {
  connections: Map<string, Connection>;
  backoff: Map<string, Backoff>;
  verifyIntervalMs: number;
};

export function newStoreWorkerState(verifyIntervalMs = STORE_VERIFY_INTERVAL_MS): StoreWorkerState {
  return { connections: new Map(), backoff: new Map(), verifyIntervalMs };
}

async function connectionFor(state: StoreWorkerState, store: StoreRow): Promise<Redis> {
  const existing = state.connections.get(store.id);
  if (existing && existing.version === store.version && existing.redis.status === "ready")
    return existing.redis;
  existing?.redis.disconnect();
  const redis = connectRedis(store.config, store.password);
  redis.on("error", () => undefined);
  state.connections.set(store.id, { redis, version: store.version });
  await redis.connect();
  return redis;
}

function dropConnection(state: StoreWorkerState, storeId: string) {
  state.connections.get(storeId)?.redis.disconnect();
  state.connections.delete(storeId);
}

/**
 * One pass over every enabled store: rebuild the ones that need it, drain the outbox into the rest, and clean up after
 * deleted or moved stores (see cleanRetiredStore); returns how many outbox
 * rows it applied. A store that fails is retried with exponential backoff (250 ms doubling to 15 s); its error is recorded
 * for the status API. An advisory lock per store lets several worker processes run without applying one store twice at once.
 */
export async function runStoreWorkerPass(state: StoreWorkerState): Promise<number> {
  const db = await pgPool().connect();
  let applied = 0;
  try {
    const { rows } = await db.query<{
      id: string;
      environment_id: string;
      config: unknown;
      password: string | null;
      outbox_cursor: string;
      needs_full_sync: boolean;
      version: number;
      retired_at: Date | null;
    }>(
      `select id, environment_id, config, password, outbox_cursor::text, needs_full_sync, version, retired_at
       from store_integration where "on" or retired_at is not null order by created_at`,
    );
    for (const row of rows) {
      const backoff = state.backoff.get(row.id);
      if (backoff && backoff.retryAt > Date.now()) continue;
      const locked = await db.query<{ locked: boolean }>(
        tryLockStoreStatement.query({ lockKey: `store:${row.id}` }),
      );
      if (!locked.rows[0]?.locked) continue;
      const store: StoreRow = {
        id: row.id,
        environmentId: row.environment_id,
        config: parseStoredConfig(row.config),
        password: row.password,
        outboxCursor: row.outbox_cursor,
        needsFullSync: row.needs_full_sync,
        version: row.version,
      };
      try {
        const redis = await connectionFor(state, store);
        if (row.retired_at) {
          await cleanRetiredStore(db, store, redis);
          dropConnection(state, store.id);
        } else if (store.needsFullSync) await fullResyncStore(store, redis);
        else applied += await mirrorVerifiedStore(store, redis, state.verifyIntervalMs);
        state.backoff.delete(store.id);
      } catch (error) {
        dropConnection(state, store.id);
        // A target that stays unreachable must not stay reserved for ever: its leftovers are then the operator's.
        if (row.retired_at && Date.now() - row.retired_at.getTime() > RETIRED_STORE_GIVE_UP_MS) {
          await db.query(deleteStoreStatement.query({ storeId: store.id })).catch(() => undefined);
        }
        const failures = (backoff?.failures ?? 0) + 1;
        state.backoff.set(store.id, {
          failures,
          retryAt: Date.now() + Math.min(15_000, 250 * 2 ** failures),
        });
        const message = describeStoreError(error, store.password);
        await db
          .query(recordStoreErrorStatement.query({ storeId: store.id, message }))
          .catch(() => undefined);
      } finally {
        await db.query(unlockStoreStatement.query({ lockKey: `store:${row.id}` }));
      }
    }
    // Rows every enabled store has applied (or that no store needs) are no longer needed.
    await db.query(
      `delete from membership_outbox o
       where o.txid < coalesce(
         (select min(s.outbox_cursor) from store_integration s where s.environment_id = o.environment_id and s."on"),
         pg_snapshot_xmin(pg_current_snapshot())::text::bigint)`,
    );
  } finally {
    db.release();
  }
  return applied;
}
