import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type CountImportRemovalsParams = {
  segmentId: number;
  importId: string;
};

/** How many members of the segment a replace import removes (those it did not stage). */
export const countImportRemovalsStatement = sqlStatement<CountImportRemovalsParams>(
  "tributary_count_import_removals",
  { segmentId: "", importId: "" },
  (p) => `SELECT count(*)::int AS count FROM segment_member m
         WHERE m.segment_id = ${p.segmentId}
           AND NOT EXISTS (SELECT 1 FROM segment_import_key k WHERE k.import_id = ${p.importId} AND k.context_key = m.context_key)`,
);
