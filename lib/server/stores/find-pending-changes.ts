import "server-only";
import type pg from "pg";
import {
  selectPendingOutboxHashesStatement,
  selectPendingOutboxKeysStatement,
} from "@/lib/server/stores/select-pending-outbox-keys-statement";

/** Where the verifier looks up pending changes: the store's environment and its outbox cursor now. */
export type PendingScope = { environmentId: string; outboxCursor: string };

/**
 * Of the given keys (or key hashes), the ones with a change the store has not applied yet, as `{segmentId} {value}`:
 * a difference there is the outbox's work in progress, not drift.
 */
export async function findPendingChanges(
  db: pg.ClientBase,
  scope: PendingScope,
  by: "key" | "hash",
  values: readonly string[],
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const statement = by === "key" ? selectPendingOutboxKeysStatement : selectPendingOutboxHashesStatement;
  const distinct = [...new Set(values)];
  const { rows } = await db.query<{ segment_id: number; value: string }>(
    statement.query({ ...scope, values: distinct }),
  );
  return new Set(rows.map((row) => `${row.segment_id} ${row.value}`));
}
