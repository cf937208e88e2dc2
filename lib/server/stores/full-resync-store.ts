import "server-only";
import { finishStoreResyncStatement } from "@/lib/server/stores/finish-store-resync-statement";
import { selectResyncExclusionPageStatement } from "@/lib/server/stores/select-resync-exclusion-page-statement";
import {
  RESYNC_PAGE_SIZE,
  selectResyncMemberPageStatement,
} from "@/lib/server/stores/select-resync-member-page-statement";
import { selectEnvironmentSegmentRefsStatement } from "@/lib/server/stores/select-environment-segment-refs-statement";
import { waitForSnapshotStatement } from "@/lib/server/stores/wait-for-snapshot-statement";
import type { Redis } from "ioredis";
import { pgPool } from "@/lib/server/db";
import { applyBigSegmentOps, type SetOps } from "@/lib/server/stores/apply-big-segment-ops";
import { contextKeyHash, synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { readOwnSegmentKeys } from "@/lib/server/stores/read-own-segment-keys";
import { removeOwnRefs } from "@/lib/server/stores/remove-own-refs";
import type { StoreRow } from "@/lib/server/stores/store-row";

/**
 * Rebuilds the store from PostgreSQL. Waits until every transaction that was running when it started has finished (one of
 * them may have skipped the outbox before the store existed), reads the membership, and resumes the outbox from there.
 */
export async function fullResyncStore(store: StoreRow, redis: Redis): Promise<void> {
  const db = await pgPool().connect();
  try {
    const snapshot = await db.query<{ xmax: string }>(
      "select pg_snapshot_xmax(pg_current_snapshot())::text as xmax",
    );
    const resumeFrom = snapshot.rows[0]?.xmax ?? "0";
    for (let waited = 0; waited < 60_000; waited += 100) {
      const now = await db.query<{ done: boolean }>(waitForSnapshotStatement.query({ resumeFrom }));
      if (now.rows[0]?.done) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const prefix = store.config.prefix;
    // Only refs of this environment's segments (present or deleted, any generation) are ours to remove.
    await removeOwnRefs(redis, prefix, await readOwnSegmentKeys(db, store.environmentId));

    const segments = await db.query<{ id: number; ref: string }>(
      selectEnvironmentSegmentRefsStatement.query({ environmentId: store.environmentId }),
    );
    for (const segment of segments.rows) {
      for (const [statement, kind] of [
        [selectResyncMemberPageStatement, "include"],
        [selectResyncExclusionPageStatement, "exclude"],
      ] as const) {
        let after = "";
        for (;;) {
          const page = await db.query<{ context_key: string }>(
            statement.query({ segmentId: segment.id, after }),
          );
          if (page.rows.length === 0) break;
          const ops: SetOps = kind === "include" ? "+." : ".+";
          await applyBigSegmentOps(
            redis,
            prefix,
            segment.ref,
            page.rows.map((row) => contextKeyHash(row.context_key)),
            page.rows.map(() => ops),
          );
          after = page.rows.at(-1)?.context_key ?? after;
          if (page.rows.length < RESYNC_PAGE_SIZE) break;
        }
      }
    }
    await redis.set(synchronizedOnKey(prefix), String(Date.now()));
    await db.query(finishStoreResyncStatement.query({ storeId: store.id, resumeFrom }));
  } finally {
    db.release();
  }
}
