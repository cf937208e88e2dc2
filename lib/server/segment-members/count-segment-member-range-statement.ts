import "server-only";
import { segmentMemberKeyRangeStatements } from "@/lib/server/segment-members/segment-member-key-range";

/** How many of a segment's included context keys fall in a key range, up to the limit (one statement per range shape). */
export const countSegmentMemberRangeStatement = segmentMemberKeyRangeStatements(
  "tributary_members_count_",
  (p, rangeSql) => `SELECT count(*)::int AS count FROM (
             SELECT 1 FROM segment_member WHERE segment_id = ${p.segmentId}${rangeSql} LIMIT ${p.limit}
           ) AS matches`,
);
