import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteStagedImportKeysParams = {
  importId: string;
};

/** Drops the keys an import staged. */
export const deleteStagedImportKeysStatement = sqlStatement<DeleteStagedImportKeysParams>(
  "tributary_delete_staged_import_keys",
  { importId: "" },
  (p) => `DELETE FROM segment_import_key WHERE import_id = ${p.importId}`,
);
