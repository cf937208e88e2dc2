import "server-only";
import { prisma } from "@/lib/server/db";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import type { Principal } from "@/lib/server/access/principal";
import { hiddenRunSegmentKeys } from "@/lib/server/environments/hidden-run-segment-keys";
import { canViewEverySegment } from "@/lib/server/segments/can-view-every-segment";
import {
  listEnvironmentSyncRuns,
  type EnvironmentSyncRunFilter,
} from "@/lib/server/sync/list-environment-sync-runs";
import { serializeSyncRun } from "@/lib/server/sync/serialize-sync-run";

type Tagged = { key: string; tags: string[] };

/**
 * An environment's sync runs for a caller who may view the environment. A run names the segments it touched (and may
 * carry their members' ids and an error about them), so a caller who may not view every segment there sees, and counts,
 * only runs that touched none it may not view. The API and the dashboard's activity page both read runs through this.
 */
export async function listVisibleEnvironmentSyncRuns(
  principal: Principal,
  environment: Tagged & { id: string; project: Tagged },
  filter: Omit<EnvironmentSyncRunFilter, "environmentId">,
): Promise<{ items: SyncRunResponse[]; totalCount: number }> {
  const all = { ...filter, environmentId: environment.id };
  if (canViewEverySegment(principal, environment.project, environment)) return listEnvironmentSyncRuns(all);
  const hidden = await hiddenRunSegmentKeys(principal, environment);
  if (hidden.length === 0) return listEnvironmentSyncRuns(all);
  const where = {
    environmentId: environment.id,
    ...(filter.integration !== undefined ? { source: filter.integration } : {}),
    ...(filter.status !== undefined ? { status: filter.status } : {}),
    ...(filter.segment !== undefined ? { segmentKeys: { has: filter.segment } } : {}),
    NOT: { segmentKeys: { hasSome: hidden } },
  };
  const [runs, totalCount] = await Promise.all([
    prisma.syncRun.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: filter.offset,
      take: filter.limit,
    }),
    prisma.syncRun.count({ where }),
  ]);
  return { items: runs.map(serializeSyncRun), totalCount };
}
