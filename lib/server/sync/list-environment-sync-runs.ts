import "server-only";
import { prisma } from "@/lib/server/db";
import type { SyncRunResponse, SyncRunStatus } from "@/lib/schemas/sync-run";
import { serializeSyncRun } from "@/lib/server/sync/serialize-sync-run";

export type EnvironmentSyncRunFilter = {
  environmentId: string;
  integration?: string;
  status?: SyncRunStatus;
  /** A segment key: only runs that touched it. */
  segment?: string;
  limit: number;
  offset: number;
};

/** An environment's sync runs, newest first (then `_id` descending), optionally of one source, status and segment. */
export async function listEnvironmentSyncRuns(
  filter: EnvironmentSyncRunFilter,
): Promise<{ items: SyncRunResponse[]; totalCount: number }> {
  const where = {
    environmentId: filter.environmentId,
    ...(filter.integration !== undefined ? { source: filter.integration } : {}),
    ...(filter.status !== undefined ? { status: filter.status } : {}),
    ...(filter.segment !== undefined ? { segmentKeys: { has: filter.segment } } : {}),
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
