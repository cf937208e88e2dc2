import "server-only";
import {
  sqlStatement,
  type ParameterCasts,
  type Placeholders,
  type SqlStatement,
} from "@/lib/server/sql/sql-statement";

/** The bounds of a range of context keys; a null bound is absent. */
export type SegmentMemberKeyRange = { after: string | null; prefix: string | null; upper: string | null };

export type SegmentMemberKeyRangeParams = { segmentId: number; limit: number } & SegmentMemberKeyRange;

const BOUNDS = [
  ["after", ">"],
  ["prefix", ">="],
  ["upper", "<"],
] as const;

/**
 * One statement per shape of key range, with only the bounds that are present as predicates: `$n IS NULL OR ...` would
 * stop a generic plan from using them as index bounds. Each shape gets its own prepared-statement name; the eight are
 * built once, so a call picks one without building anything.
 */
export function segmentMemberKeyRangeStatements(
  namePrefix: string,
  text: (placeholders: Placeholders<SegmentMemberKeyRangeParams>, rangeSql: string) => string,
): (range: SegmentMemberKeyRange) => SqlStatement<SegmentMemberKeyRangeParams> {
  const statements = Array.from({ length: 8 }, (_, shape) => {
    const present = BOUNDS.filter((_, index) => (shape & (1 << index)) !== 0);
    // Only the present bounds are parameters, numbered after the segment and the limit.
    const casts = {
      segmentId: "",
      limit: "",
      ...Object.fromEntries(present.map(([key]) => [key, ""])),
    } as ParameterCasts<SegmentMemberKeyRangeParams>;
    const has = (key: string) => (present.some(([bound]) => bound === key) ? 1 : 0);
    return sqlStatement<SegmentMemberKeyRangeParams>(
      `${namePrefix}a${has("after")}p${has("prefix")}u${has("upper")}`,
      casts,
      (p) => text(p, present.map(([key, operator]) => ` AND context_key ${operator} ${p[key]}`).join("")),
    );
  });
  return (range) => {
    const shape =
      (range.after === null ? 0 : 1) | (range.prefix === null ? 0 : 2) | (range.upper === null ? 0 : 4);
    const statement = statements[shape];
    if (statement === undefined) throw new Error(`no statement for key range shape ${shape}`);
    return statement;
  };
}
