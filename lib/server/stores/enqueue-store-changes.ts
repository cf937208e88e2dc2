import "server-only";
import type pg from "pg";

export type StoreChange = { segmentId: number; segmentRef: string; contextKeys: readonly string[] };

/**
 * Records, in the caller's transaction, which keys of a segment changed, so the store worker mirrors them into every enabled
 * store of the environment. Writes nothing when the environment has no enabled store.
 */
export async function enqueueStoreChanges(
  client: pg.ClientBase,
  environmentId: string,
  changes: readonly StoreChange[],
): Promise<void> {
  for (const change of changes) {
    if (change.contextKeys.length === 0) continue;
    await client.query(
      `insert into membership_outbox (environment_id, segment_id, segment_ref, context_keys)
       select $1, $2, $3, $4::text[]
       where exists (select 1 from store_integration where environment_id = $1 and "on")`,
      [environmentId, change.segmentId, change.segmentRef, change.contextKeys],
    );
  }
}
