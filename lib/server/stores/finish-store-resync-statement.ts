import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type FinishStoreResyncParams = {
  storeId: string;
  resumeFrom: string;
};

/** Resumes a rebuilt store's outbox where the rebuild's snapshot began. */
export const finishStoreResyncStatement = sqlStatement<FinishStoreResyncParams>(
  "tributary_finish_store_resync",
  { storeId: "", resumeFrom: "" },
  (
    p,
  ) => `update store_integration set outbox_cursor = ${p.resumeFrom}::bigint, needs_full_sync = false, last_sync_at = now(), last_error = null
       where id = ${p.storeId}`,
);
