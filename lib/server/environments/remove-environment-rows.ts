import "server-only";
import { deleteEnvironmentRowStatement } from "@/lib/server/environments/delete-environment-row-statement";
import { deleteEnvironmentGenerationsStatement } from "@/lib/server/environments/delete-environment-generations-statement";
import { deleteEnvironmentOutboxStatement } from "@/lib/server/environments/delete-environment-outbox-statement";
import { deleteEnvironmentSegmentExclusionsStatement } from "@/lib/server/environments/delete-environment-segment-exclusions-statement";
import { deleteEnvironmentSegmentMembersStatement } from "@/lib/server/environments/delete-environment-segment-members-statement";
import { retireEnvironmentStoresStatement } from "@/lib/server/environments/retire-environment-stores-statement";
import { lockEnvironmentSegmentsStatement } from "@/lib/server/environments/lock-environment-segments-statement";
import type { PoolClient } from "pg";

/**
 * Deletes an environment and everything in it, in the caller's transaction. Its stores are retired, not deleted, exactly
 * as deleting one store does: the worker then removes the refs they wrote from their Redis targets (it finds the segment
 * keys in segment_generation, which outlives the segments) and only then frees the targets. Returns how many stores were
 * retired.
 */
export async function removeEnvironmentRows(client: PoolClient, environmentId: string): Promise<number> {
  // The membership engine locks a segment's row before writing its members: holding them all, no write lands in between.
  await client.query(lockEnvironmentSegmentsStatement.query({ environmentId }));
  const retired = await client.query(retireEnvironmentStoresStatement.query({ environmentId }));
  // The member tables have no foreign key (tens of millions of rows), so they are cleared set-based here.
  await client.query(deleteEnvironmentSegmentMembersStatement.query({ environmentId }));
  await client.query(deleteEnvironmentSegmentExclusionsStatement.query({ environmentId }));
  // No store of the environment applies these any more; a retired store is cleared by segment key, not by the outbox.
  await client.query(deleteEnvironmentOutboxStatement.query({ environmentId }));
  // segment_generation has no foreign key: a retired store's cleanup reads its keys, so they stay while one is pending
  // (orphaned afterwards, one short row per key); with no store at all they go now.
  await client.query(deleteEnvironmentGenerationsStatement.query({ environmentId }));
  // Segments and sync runs go with the environment (foreign keys with ON DELETE CASCADE).
  await client.query(deleteEnvironmentRowStatement.query({ environmentId }));
  return retired.rowCount ?? 0;
}
