import "server-only";
import {
  SEGMENT_MEMBER_PREFIX_COUNT_CAP,
  type SegmentMemberList,
  type SegmentMemberListQuery,
} from "@/lib/schemas/segment-member-list";
import { pgPool } from "@/lib/server/db";
import { countSegmentMemberRangeStatement } from "@/lib/server/segment-members/count-segment-member-range-statement";
import { prefixUpperBound } from "@/lib/server/segment-members/prefix-upper-bound";
import type { SegmentMemberKeyRange } from "@/lib/server/segment-members/segment-member-key-range";
import { selectSegmentMemberPageStatement } from "@/lib/server/segment-members/select-segment-member-page-statement";

type SegmentMemberRow = { context_key: string; added_at: Date; sync_run_id: string | null };

async function readPage(
  segmentId: number,
  range: SegmentMemberKeyRange,
  limit: number,
): Promise<SegmentMemberRow[]> {
  const result = await pgPool().query<SegmentMemberRow>(
    selectSegmentMemberPageStatement(range).query({ segmentId, limit, ...range }),
  );
  return result.rows;
}

async function countPrefix(
  segmentId: number,
  prefix: string,
  upper: string | null,
): Promise<{ count: number; capped: boolean }> {
  const range = { after: null, prefix, upper };
  const result = await pgPool().query<{ count: number }>(
    countSegmentMemberRangeStatement(range).query({
      segmentId,
      limit: SEGMENT_MEMBER_PREFIX_COUNT_CAP + 1,
      ...range,
    }),
  );
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
