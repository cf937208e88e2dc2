import "server-only";
import type { PoolClient } from "pg";

/**
 * Deletes an environment and everything in it, in the caller's transaction. Its stores are retired, not deleted, exactly
 * as deleting one store does: the worker then removes the refs they wrote from their Redis targets (it finds the segment
 * keys in segment_generation, which outlives the segments) and only then frees the targets. Returns how many stores were
 * retired.
 */
export async function removeEnvironmentRows(client: PoolClient, environmentId: string): Promise<number> {
  // The membership engine locks a segment's row before writing its members: holding them all, no write lands in between.
  await client.query("SELECT id FROM segment WHERE environment_id = $1 FOR UPDATE", [environmentId]);
  const retired = await client.query(
    `UPDATE store_integration SET "on" = false, needs_full_sync = false, retired_at = now()
     WHERE environment_id = $1 AND retired_at IS NULL`,
    [environmentId],
  );
  // The member tables have no foreign key (tens of millions of rows), so they are cleared set-based here.
  await client.query(
    "DELETE FROM segment_member WHERE segment_id IN (SELECT id FROM segment WHERE environment_id = $1)",
    [environmentId],
  );
  await client.query(
    "DELETE FROM segment_exclusion WHERE segment_id IN (SELECT id FROM segment WHERE environment_id = $1)",
    [environmentId],
  );
  // No store of the environment applies these any more; a retired store is cleared by segment key, not by the outbox.
  await client.query("DELETE FROM membership_outbox WHERE environment_id = $1", [environmentId]);
  // segment_generation has no foreign key: a retired store's cleanup reads its keys, so they stay while one is pending
  // (orphaned afterwards, one short row per key); with no store at all they go now.
  await client.query(
    `DELETE FROM segment_generation WHERE environment_id = $1
     AND NOT EXISTS (SELECT 1 FROM store_integration WHERE environment_id = $1)`,
    [environmentId],
  );
  // Segments and sync runs go with the environment (foreign keys with ON DELETE CASCADE).
  await client.query("DELETE FROM environment WHERE id = $1", [environmentId]);
  return retired.rowCount ?? 0;
}
