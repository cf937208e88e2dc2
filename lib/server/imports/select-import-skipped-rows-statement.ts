import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectImportSkippedRowsParams = {
  importId: string;
};

/** The rows an import skipped, with their reasons. */
export const selectImportSkippedRowsStatement = sqlStatement<SelectImportSkippedRowsParams>(
  "tributary_select_import_skipped_rows",
  { importId: "" },
  (p) => `SELECT skipped_rows FROM segment_import WHERE id = ${p.importId}`,
);
