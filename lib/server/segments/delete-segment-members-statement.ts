import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteSegmentMembersParams = {
  segmentId: number;
};

/** Removes a segment's included context keys. */
export const deleteSegmentMembersStatement = sqlStatement<DeleteSegmentMembersParams>(
  "tributary_delete_segment_members",
  { segmentId: "" },
  (p) => `DELETE FROM segment_member WHERE segment_id = ${p.segmentId}`,
);
