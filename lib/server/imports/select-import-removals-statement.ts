import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectImportRemovalsParams = {
  segmentId: number;
  importId: string;
};

/** The members of the segment a replace import removes, in key order. */
export const selectImportRemovalsStatement = sqlStatement<SelectImportRemovalsParams>(
  "tributary_select_import_removals",
  { segmentId: "", importId: "" },
  (p) => `SELECT m.context_key FROM segment_member m
           WHERE m.segment_id = ${p.segmentId}
             AND NOT EXISTS (SELECT 1 FROM segment_import_key k WHERE k.import_id = ${p.importId} AND k.context_key = m.context_key)
           ORDER BY m.context_key`,
);
