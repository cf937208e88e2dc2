import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type MarkStoreSynchronizedParams = {
  storeId: string;
  cursor: string;
};

/** Moves a store's outbox cursor forward (never back) and records a successful sync. */
export const markStoreSynchronizedStatement = sqlStatement<MarkStoreSynchronizedParams>(
  "tributary_mark_store_synchronized",
  { storeId: "", cursor: "" },
  (
    p,
  ) => `update store_integration set outbox_cursor = greatest(outbox_cursor, ${p.cursor}::bigint), last_sync_at = now(), last_error = null
     where id = ${p.storeId}`,
);
