import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type RecordStoreErrorParams = {
  storeId: string;
  message: string;
};

/** Records why a store's last pass failed. */
export const recordStoreErrorStatement = sqlStatement<RecordStoreErrorParams>(
  "tributary_record_store_error",
  { storeId: "", message: "" },
  (p) =>
    `update store_integration set last_error = ${p.message}, last_error_at = now() where id = ${p.storeId}`,
);
