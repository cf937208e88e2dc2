import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteRetiredStoreParams = {
  storeId: string;
};

/** Forgets a retired store once its refs are gone, which frees its target. */
export const deleteRetiredStoreStatement = sqlStatement<DeleteRetiredStoreParams>(
  "tributary_delete_retired_store",
  { storeId: "" },
  (p) => `delete from store_integration where id = ${p.storeId} and retired_at is not null`,
);
