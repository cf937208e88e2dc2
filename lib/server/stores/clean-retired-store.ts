import "server-only";
import { deleteRetiredStoreStatement } from "@/lib/server/stores/delete-retired-store-statement";
import type { Redis } from "ioredis";
import type pg from "pg";
import { synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { readOwnSegmentKeys } from "@/lib/server/stores/read-own-segment-keys";
import { removeOwnRefs } from "@/lib/server/stores/remove-own-refs";
import type { StoreRow } from "@/lib/server/stores/store-row";

/**
 * Removes from the target of a deleted or moved store the refs it wrote there, and its marker (so SDKs still pointed at it
 * report it stale instead of trusting data nobody maintains), then forgets the row, which frees the target.
 */
export async function cleanRetiredStore(db: pg.ClientBase, store: StoreRow, redis: Redis): Promise<void> {
  await removeOwnRefs(redis, store.config.prefix, await readOwnSegmentKeys(db, store.environmentId));
  await redis.del(synchronizedOnKey(store.config.prefix));
  await db.query(deleteRetiredStoreStatement.query({ storeId: store.id }));
}
