import "server-only";
import { prisma } from "@/lib/server/db";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import type { Principal } from "@/lib/server/access/principal";
import { hiddenRunSegmentKeys } from "@/lib/server/environments/hidden-run-segment-keys";
import { canViewEverySegment } from "@/lib/server/segments/can-view-every-segment";
import { listSegmentSyncRuns } from "@/lib/server/sync/list-segment-sync-runs";
import { serializeSyncRun } from "@/lib/server/sync/serialize-sync-run";

type Tagged = { key: string; tags: string[] };

/**
 * The sync runs of a segment the caller may view. One run can touch several cohorts' segments and names them all, so a
 * caller who may not view every segment of the environment sees, and counts, only runs that touched none it may not view.
 * The API and the dashboard's sync page both read runs through this.
 */
export async function listVisibleSegmentSyncRuns(
  principal: Principal,
  environment: Tagged & { id: string; project: Tagged },
  segmentId: number,
  page: { limit: number; offset: number },
): Promise<{ items: SyncRunResponse[]; totalCount: number }> {
  if (canViewEverySegment(principal, environment.project, environment))
    return listSegmentSyncRuns(segmentId, page);
  const hidden = await hiddenRunSegmentKeys(principal, environment);
  if (hidden.length === 0) return listSegmentSyncRuns(segmentId, page);
  const where = { segments: { some: { segmentId } }, NOT: { segmentKeys: { hasSome: hidden } } };
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
