import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectFirstExportBatchParams = {
  segmentId: number;
  limit: number;
};

/** The first batch of a segment's members for a CSV download, in key order. */
export const selectFirstExportBatchStatement = sqlStatement<SelectFirstExportBatchParams>(
  "tributary_members_export_first",
  { segmentId: "", limit: "" },
  (p) => `SELECT context_key, added_at FROM segment_member WHERE segment_id = ${p.segmentId}
         ORDER BY context_key LIMIT ${p.limit}`,
);
