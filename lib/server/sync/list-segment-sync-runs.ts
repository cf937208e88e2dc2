import "server-only";
import { prisma } from "@/lib/server/db";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { serializeSyncRun } from "@/lib/server/sync/serialize-sync-run";

/** The sync runs that touched one segment, newest first (then `_id` descending). */
export async function listSegmentSyncRuns(
  segmentId: number,
  page: { limit: number; offset: number },
): Promise<{ items: SyncRunResponse[]; totalCount: number }> {
  const where = { segments: { some: { segmentId } } };
  const [runs, totalCount] = await Promise.all([
    prisma.syncRun.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: page.offset,
      take: page.limit,
    }),
    prisma.syncRun.count({ where }),
  ]);
  return { items: runs.map(serializeSyncRun), totalCount };
}
