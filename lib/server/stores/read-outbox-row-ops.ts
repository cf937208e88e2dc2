import "server-only";
import type pg from "pg";
import type { SetOps } from "@/lib/server/stores/apply-big-segment-ops";
import { contextKeyHash } from "@/lib/server/stores/big-segment-keys";

/**
 * For every key of one outbox row, PostgreSQL's current state in the segment that carries the row's ref now (none when the
 * segment was deleted or re-created under a new generation), grouped by state so that a few JSON arrays come back instead
 * of a row per key. Only the list the row changed is probed (null for the other: that set is left alone), both for a
 * row of a dropped segment; the exclusion probe is skipped for a segment without exclusions (its keys are then simply not
 * excluded).
 */
const CURRENT_STATE = {
  name: "tributary_outbox_row_state",
  text: `SELECT included, excluded, json_agg(context_key)::text AS keys
         FROM (
           SELECT k AS context_key,
                  CASE WHEN o.list = 'excluded' THEN NULL
                       ELSE s.id IS NOT NULL AND EXISTS (
                         SELECT 1 FROM segment_member m WHERE m.segment_id = s.id AND m.context_key = k) END AS included,
                  CASE WHEN o.list = 'included' THEN NULL
                       ELSE s.id IS NOT NULL AND s.excluded_count > 0 AND EXISTS (
                         SELECT 1 FROM segment_exclusion x WHERE x.segment_id = s.id AND x.context_key = k) END AS excluded
           FROM membership_outbox o
           CROSS JOIN LATERAL unnest(o.context_keys) AS k
           LEFT JOIN segment s ON s.id = o.segment_id AND s.key || '.g' || s.generation = o.segment_ref
           WHERE o.id = $1
         ) states
         GROUP BY included, excluded`,
};

/** Add the ref when the key is in the list, remove it when not, leave the set alone when the row did not change it. */
function setOp(inList: boolean | null): "+" | "-" | "." {
  return inList === null ? "." : inList ? "+" : "-";
}

/** What to write to a store for one outbox row: the hashed keys, and the set operations their current state calls for. */
export type OutboxRowOps = { segmentRef: string; hashes: string[]; ops: SetOps[] };

/**
 * Reads the current state of the keys of one outbox row and turns it into store operations: each key's include/exclude
 * set must hold the row's ref exactly when PostgreSQL has the key included/excluded in the segment that currently carries
 * that ref. A set changes only with its own list, and every change of a list writes an outbox row naming it, so a row
 * need only write the set of its list. Applying them is idempotent and makes the store agree with PostgreSQL as of this
 * read, so replays are harmless as long as the operations of a later read are applied after those of an earlier one.
 */
export async function readOutboxRowOps(
  db: pg.ClientBase,
  row: { id: string; segmentRef: string },
): Promise<OutboxRowOps> {
  const states = await db.query<{ included: boolean | null; excluded: boolean | null; keys: string }>({
    ...CURRENT_STATE,
    values: [row.id],
  });
  const hashes: string[] = [];
  const ops: SetOps[] = [];
  for (const state of states.rows) {
    const keyOps: SetOps = `${setOp(state.included)}${setOp(state.excluded)}`;
    const keys = JSON.parse(state.keys) as string[];
    for (const key of keys) {
      hashes.push(contextKeyHash(key));
      ops.push(keyOps);
    }
  }
  return { segmentRef: row.segmentRef, hashes, ops };
}
