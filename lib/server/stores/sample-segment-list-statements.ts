import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SampleSegmentListParams = { segmentId: number; pivots: string[]; perPivot: number };
export type SegmentKeyRangeParams = { segmentId: number };

/** The two membership lists of a segment, by table: the statements below are the same for both. */
const TABLES = { included: "segment_member", excluded: "segment_exclusion" } as const;
export type SegmentList = keyof typeof TABLES;

function sampleStatement(list: SegmentList) {
  return sqlStatement<SampleSegmentListParams>(
    `tributary_sample_segment_${list}`,
    { segmentId: "", pivots: "::text[]", perPivot: "::int" },
    // One short index range per pivot: the cost is the number of keys sampled, not the segment's size.
    (p) => `select distinct k.context_key from unnest(${p.pivots}) as pivot(value)
           cross join lateral (
             select context_key from ${TABLES[list]}
             where segment_id = ${p.segmentId} and context_key >= pivot.value
             order by context_key limit ${p.perPivot}
           ) k`,
  );
}

function keyRangeStatement(list: SegmentList) {
  return sqlStatement<SegmentKeyRangeParams>(
    `tributary_segment_${list}_key_range`,
    { segmentId: "" },
    // min and max each read one end of the primary key's index.
    (p) => `select min(context_key) as low, max(context_key) as high from ${TABLES[list]}
           where segment_id = ${p.segmentId}`,
  );
}

/** Keys of a segment's list at or after each pivot, in key order (a random sample when the pivots are random). */
export const sampleSegmentListStatements = {
  included: sampleStatement("included"),
  excluded: sampleStatement("excluded"),
};

/** The lowest and highest key of a segment's list, the bounds the random pivots are drawn between. */
export const segmentKeyRangeStatements = {
  included: keyRangeStatement("included"),
  excluded: keyRangeStatement("excluded"),
};
