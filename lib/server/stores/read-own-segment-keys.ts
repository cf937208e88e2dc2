import "server-only";
import { selectOwnSegmentKeysStatement } from "@/lib/server/stores/select-own-segment-keys-statement";
import type pg from "pg";

/** Every segment key an environment has or ever had (segment_generation outlives deleted segments): its refs are ours. */
export async function readOwnSegmentKeys(db: pg.ClientBase, environmentId: string): Promise<Set<string>> {
  const keys = await db.query<{ key: string }>(selectOwnSegmentKeysStatement.query({ environmentId }));
  return new Set(keys.rows.map((row) => row.key));
}
