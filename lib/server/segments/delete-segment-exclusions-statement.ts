import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteSegmentExclusionsParams = {
  segmentId: number;
};

/** Removes a segment's excluded context keys. */
export const deleteSegmentExclusionsStatement = sqlStatement<DeleteSegmentExclusionsParams>(
  "tributary_delete_segment_exclusions",
  { segmentId: "" },
  (p) => `DELETE FROM segment_exclusion WHERE segment_id = ${p.segmentId}`,
);
