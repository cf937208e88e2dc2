import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectStagedImportKeysParams = {
  importId: string;
};

/** The keys an import staged, in key order. */
export const selectStagedImportKeysStatement = sqlStatement<SelectStagedImportKeysParams>(
  "tributary_select_staged_import_keys",
  { importId: "" },
  (p) => `SELECT context_key FROM segment_import_key WHERE import_id = ${p.importId} ORDER BY context_key`,
);
