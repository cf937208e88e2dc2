import "server-only";
import {
  SEGMENT_MEMBER_PREFIX_COUNT_CAP,
  type SegmentMemberList,
  type SegmentMemberListQuery,
} from "@/lib/schemas/segment-member-list";
import { pgPool } from "@/lib/server/db";
import { prefixUpperBound } from "@/lib/server/segment-members/prefix-upper-bound";

type SegmentMemberRow = { context_key: string; added_at: Date; sync_run_id: string | null };

type KeyRange = { after: string | null; prefix: string | null; upper: string | null };

/**
 * The key-range predicates of a query, with only the bounds that are present: `$n IS NULL OR ...` would stop a generic
 * plan from using them as index bounds. Each shape gets its own prepared-statement name.
 */
function rangeSql(range: KeyRange, firstParameter: number): { name: string; sql: string; values: string[] } {
  const conditions: string[] = [];
  const values: string[] = [];
  const push = (condition: string, value: string) => {
    values.push(value);
    conditions.push(`context_key ${condition} $${firstParameter + values.length - 1}`);
  };
  if (range.after !== null) push(">", range.after);
  if (range.prefix !== null) push(">=", range.prefix);
  if (range.upper !== null) push("<", range.upper);
  const name = `a${range.after === null ? 0 : 1}p${range.prefix === null ? 0 : 1}u${range.upper === null ? 0 : 1}`;
  return { name, sql: conditions.map((condition) => ` AND ${condition}`).join(""), values };
}

async function readPage(segmentId: number, range: KeyRange, limit: number): Promise<SegmentMemberRow[]> {
  const { name, sql, values } = rangeSql(range, 3);
  const result = await pgPool().query<SegmentMemberRow>({
    name: `tributary_members_page_${name}`,
    text: `SELECT context_key, added_at, sync_run_id FROM segment_member
           WHERE segment_id = $1${sql} ORDER BY context_key LIMIT $2`,
    values: [segmentId, limit, ...values],
  });
  return result.rows;
}

async function countPrefix(
  segmentId: number,
  prefix: string,
  upper: string | null,
): Promise<{ count: number; capped: boolean }> {
  const { name, sql, values } = rangeSql({ after: null, prefix, upper }, 3);
  const result = await pgPool().query<{ count: number }>({
    name: `tributary_members_count_${name}`,
    text: `SELECT count(*)::int AS count FROM (
             SELECT 1 FROM segment_member WHERE segment_id = $1${sql} LIMIT $2
           ) AS matches`,
    values: [segmentId, SEGMENT_MEMBER_PREFIX_COUNT_CAP + 1, ...values],
  });
  const count = result.rows[0]?.count ?? 0;
  return {
    count: Math.min(count, SEGMENT_MEMBER_PREFIX_COUNT_CAP),
    capped: count > SEGMENT_MEMBER_PREFIX_COUNT_CAP,
  };
}

/**
 * One page of a segment's included context keys in key order, by keyset on the primary key (segment_id, context_key
 * COLLATE "C"): every page is one index range scan whatever its depth, where OFFSET would read and discard the rows
 * before it. Without a prefix the total is the segment's counter; with one, matches are counted up to a cap so that a
 * one-letter prefix on millions of members stays cheap.
 */
export async function listSegmentMembers(
  segment: { id: number; includedCount: number },
  query: SegmentMemberListQuery,
): Promise<SegmentMemberList> {
  const prefix = query.prefix !== undefined && query.prefix !== "" ? query.prefix : null;
  const upper = prefix === null ? null : prefixUpperBound(prefix);
  const [rows, total] = await Promise.all([
    readPage(segment.id, { after: query.after ?? null, prefix, upper }, query.limit + 1),
    prefix === null
      ? Promise.resolve({ count: segment.includedCount, capped: false })
      : countPrefix(segment.id, prefix, upper),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      key: row.context_key,
      addedAt: row.added_at.getTime(),
      syncRunId: row.sync_run_id,
    })),
    next: rows.length > query.limit && last !== undefined ? last.context_key : null,
    totalCount: total.count,
    totalCountCapped: total.capped,
  };
}
