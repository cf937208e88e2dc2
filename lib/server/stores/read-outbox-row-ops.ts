import "server-only";
import type pg from "pg";
import type { SetOps } from "@/lib/server/stores/apply-big-segment-ops";
import { contextKeyHash } from "@/lib/server/stores/big-segment-keys";
import { selectOutboxRowStateStatement } from "@/lib/server/stores/select-outbox-row-state-statement";

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
  const states = await db.query<{ included: boolean | null; excluded: boolean | null; keys: string }>(
    selectOutboxRowStateStatement.query({ outboxRowId: row.id }),
  );
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
