import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectNextExportBatchParams = {
  segmentId: number;
  limit: number;
  after: string;
};

/** The next batch of a segment's members for a CSV download, after the last key sent. */
export const selectNextExportBatchStatement = sqlStatement<SelectNextExportBatchParams>(
  "tributary_members_export_next",
  { segmentId: "", limit: "", after: "" },
  (
    p,
  ) => `SELECT context_key, added_at FROM segment_member WHERE segment_id = ${p.segmentId} AND context_key > ${p.after}
         ORDER BY context_key LIMIT ${p.limit}`,
);
