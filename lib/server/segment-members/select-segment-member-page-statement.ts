import "server-only";
import { segmentMemberKeyRangeStatements } from "@/lib/server/segment-members/segment-member-key-range";

/** A page of a segment's included context keys in key order, within a key range (one statement per range shape). */
export const selectSegmentMemberPageStatement = segmentMemberKeyRangeStatements(
  "tributary_members_page_",
  (p, rangeSql) => `SELECT context_key, added_at, sync_run_id FROM segment_member
           WHERE segment_id = ${p.segmentId}${rangeSql} ORDER BY context_key LIMIT ${p.limit}`,
);
