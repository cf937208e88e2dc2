import "server-only";
import { prisma } from "@/lib/server/db";
import type { SegmentTargets } from "@/lib/server/segments/serialize-segment";

/** LaunchDarkly's own cap on the individual targets of a list-based segment. */
const TARGET_LIST_LIMIT = 15_000;

/**
 * The `included` / `excluded` lists of a list-based segment. Unbounded segments may hold millions of members and never
 * list them; a list-based one lists at most the cap, in key order.
 */
export async function loadSegmentTargets(segment: {
  id: number;
  unbounded: boolean;
}): Promise<SegmentTargets> {
  if (segment.unbounded) return { included: [], excluded: [] };
  const [included, excluded] = await Promise.all([
    prisma.segmentMember.findMany({
      where: { segmentId: segment.id },
      select: { contextKey: true },
      orderBy: { contextKey: "asc" },
      take: TARGET_LIST_LIMIT,
    }),
    prisma.segmentExclusion.findMany({
      where: { segmentId: segment.id },
      select: { contextKey: true },
      orderBy: { contextKey: "asc" },
      take: TARGET_LIST_LIMIT,
    }),
  ]);
  return {
    included: included.map((row) => row.contextKey),
    excluded: excluded.map((row) => row.contextKey),
  };
}
