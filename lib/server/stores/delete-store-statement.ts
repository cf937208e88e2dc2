import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteStoreParams = {
  storeId: string;
};

/** Forgets a store row. */
export const deleteStoreStatement = sqlStatement<DeleteStoreParams>(
  "tributary_delete_store",
  { storeId: "" },
  (p) => `delete from store_integration where id = ${p.storeId}`,
);
