import "server-only";
import type { Redis } from "ioredis";
import { pgPool } from "@/lib/server/db";
import { synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { mirrorKeysToStore } from "@/lib/server/stores/mirror-keys-to-store";
import type { StoreRow } from "@/lib/server/stores/store-row";

const PAGE = 200;

type OutboxRow = {
  id: string;
  txid: string;
  segment_id: number;
  segment_ref: string;
  context_keys: string[];
};

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
    const segments = new Map<number, { id: number; ref: string } | null>();
    let after = { txid: store.outboxCursor, id: "0" };
    let applied = 0;
    for (;;) {
      const page = await db.query<OutboxRow>(
        `select id::text, txid::text, segment_id, segment_ref, context_keys from membership_outbox
         where environment_id = $1 and txid >= $2::bigint and txid < $3::bigint and (txid, id) > ($4::bigint, $5::bigint)
         order by txid, id limit ${PAGE}`,
        [store.environmentId, store.outboxCursor, horizon, after.txid, after.id],
      );
      if (page.rows.length === 0) break;
      const unknown = [...new Set(page.rows.map((row) => row.segment_id))].filter((id) => !segments.has(id));
      if (unknown.length > 0) {
        const found = await db.query<{ id: number; key: string; generation: number }>(
          "select id, key, generation from segment where id = any($1::int[])",
          [unknown],
        );
        for (const id of unknown) segments.set(id, null);
        for (const row of found.rows)
          segments.set(row.id, { id: row.id, ref: `${row.key}.g${row.generation}` });
      }
      for (const row of page.rows) {
        await mirrorKeysToStore(
          db,
          redis,
          store.config.prefix,
          row.segment_ref,
          segments.get(row.segment_id) ?? null,
          row.context_keys,
        );
        applied++;
      }
      const last = page.rows.at(-1);
      if (!last || page.rows.length < PAGE) break;
      after = { txid: last.txid, id: last.id };
    }
    await redis.set(synchronizedOnKey(store.config.prefix), String(Date.now()));
    await db.query(
      `update store_integration set outbox_cursor = greatest(outbox_cursor, $2::bigint), last_sync_at = now(), last_error = null
       where id = $1`,
      [store.id, horizon],
    );
    return applied;
  } finally {
    db.release();
  }
}
