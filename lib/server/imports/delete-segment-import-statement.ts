import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteSegmentImportParams = {
  importId: string;
};

/** Drops an import; its staged keys go with it. */
export const deleteSegmentImportStatement = sqlStatement<DeleteSegmentImportParams>(
  "tributary_delete_segment_import",
  { importId: "" },
  (p) => `DELETE FROM segment_import WHERE id = ${p.importId}`,
);
