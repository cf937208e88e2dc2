import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteSegmentRowParams = {
  segmentId: number;
};

/** Removes the segment's own row. */
export const deleteSegmentRowStatement = sqlStatement<DeleteSegmentRowParams>(
  "tributary_delete_segment_row",
  { segmentId: "" },
  (p) => `DELETE FROM segment WHERE id = ${p.segmentId}`,
);
