import "server-only";
import { selectHourlySyncStatsStatement } from "@/lib/server/sync-stats/select-hourly-sync-stats-statement";
import type { SyncStatsHour } from "@/lib/schemas/sync-stats";
import { pgPool } from "@/lib/server/db";

type Row = { hour: Date; pushes: number; members: number; failures: number };

/**
 * Sync runs of an environment per hour over the last `hours` hours (the current hour included), oldest first, leaving out
 * runs that touched any of `hiddenSegmentKeys` (segments the caller may not view: their runs are not counted either).
 */
export async function listHourlySyncStats(
  environmentId: string,
  hours: number,
  hiddenSegmentKeys: readonly string[] = [],
): Promise<SyncStatsHour[]> {
  const result = await pgPool().query<Row>(
    selectHourlySyncStatsStatement.query({ environmentId, hours, hiddenSegmentKeys }),
  );
  return result.rows.map((row) => ({
    hour: row.hour.getTime(),
    pushes: row.pushes,
    members: row.members,
    failures: row.failures,
  }));
}
