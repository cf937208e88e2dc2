import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { applyBigSegmentOps, type SetOps } from "@/lib/server/stores/apply-big-segment-ops";
import { contextKeyHash } from "@/lib/server/stores/big-segment-keys";

/**
 * For every key of one outbox row, PostgreSQL's current state in the segment that carries the row's ref now (none when the
 * segment was deleted or re-created under a new generation), grouped by state so that a few JSON arrays come back instead
 * of a row per key. The exclusion probe is skipped for a segment without exclusions (its keys are then simply not excluded).
 */
const CURRENT_STATE = {
  name: "tributary_outbox_row_state",
  text: `SELECT included, excluded, json_agg(context_key)::text AS keys
         FROM (
           SELECT k AS context_key,
                  s.id IS NOT NULL AND EXISTS (
                    SELECT 1 FROM segment_member m WHERE m.segment_id = s.id AND m.context_key = k) AS included,
                  s.id IS NOT NULL AND s.excluded_count > 0 AND EXISTS (
                    SELECT 1 FROM segment_exclusion x WHERE x.segment_id = s.id AND x.context_key = k) AS excluded
           FROM membership_outbox o
           CROSS JOIN LATERAL unnest(o.context_keys) AS k
           LEFT JOIN segment s ON s.id = o.segment_id AND s.key || '.g' || s.generation = o.segment_ref
           WHERE o.id = $1
         ) states
         GROUP BY included, excluded`,
};

/**
 * Makes the store agree with PostgreSQL for the keys of one outbox row: each key's include/exclude set holds the row's ref
 * exactly when PostgreSQL has the key included/excluded in the segment that currently carries that ref. Idempotent and
 * independent of order, so replays and reordering are harmless. Returns how many keys it mirrored.
 */
export async function mirrorOutboxRow(
  db: pg.ClientBase,
  redis: Redis,
  prefix: string,
  row: { id: string; segmentRef: string },
): Promise<number> {
  const states = await db.query<{ included: boolean; excluded: boolean; keys: string }>({
    ...CURRENT_STATE,
    values: [row.id],
  });
  const hashes: string[] = [];
  const ops: SetOps[] = [];
  for (const state of states.rows) {
    const keyOps: SetOps = `${state.included ? "+" : "-"}${state.excluded ? "+" : "-"}`;
    const keys = JSON.parse(state.keys) as string[];
    for (const key of keys) {
      hashes.push(contextKeyHash(key));
      ops.push(keyOps);
    }
  }
  await applyBigSegmentOps(redis, prefix, row.segmentRef, hashes, ops);
  return hashes.length;
}
