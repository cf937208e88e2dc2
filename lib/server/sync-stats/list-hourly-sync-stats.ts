import "server-only";
import type { SyncStatsHour } from "@/lib/schemas/sync-stats";
import { pgPool } from "@/lib/server/db";

type Row = { hour: Date; pushes: number; members: number; failures: number };

// One range scan of the (environment_id, started_at) index and one group-by; every hour of the window is present (zeros
// included) so a chart's time axis has no gaps. Hours are UTC.
const HOURLY = {
  name: "tributary_sync_stats_hourly",
  text: `WITH window_hours AS (
           SELECT generate_series(
             date_trunc('hour', now(), 'UTC') - make_interval(hours => $2 - 1),
             date_trunc('hour', now(), 'UTC'),
             interval '1 hour'
           ) AS hour
         ),
         runs AS (
           SELECT date_trunc('hour', started_at, 'UTC') AS hour,
                  count(*)::int AS pushes,
                  coalesce(sum(received), 0)::float8 AS members,
                  (count(*) FILTER (WHERE status = 'failed'))::int AS failures
           FROM sync_run
           WHERE environment_id = $1
             AND started_at >= date_trunc('hour', now(), 'UTC') - make_interval(hours => $2 - 1)
             AND NOT (segment_keys && $3::text[])
           GROUP BY 1
         )
         SELECT w.hour, coalesce(r.pushes, 0) AS pushes, coalesce(r.members, 0) AS members,
                coalesce(r.failures, 0) AS failures
         FROM window_hours w LEFT JOIN runs r ON r.hour = w.hour
         ORDER BY w.hour`,
};

/**
 * Sync runs of an environment per hour over the last `hours` hours (the current hour included), oldest first, leaving out
 * runs that touched any of `hiddenSegmentKeys` (segments the caller may not view: their runs are not counted either).
 */
export async function listHourlySyncStats(
  environmentId: string,
  hours: number,
  hiddenSegmentKeys: readonly string[] = [],
): Promise<SyncStatsHour[]> {
  const result = await pgPool().query<Row>({ ...HOURLY, values: [environmentId, hours, hiddenSegmentKeys] });
  return result.rows.map((row) => ({
    hour: row.hour.getTime(),
    pushes: row.pushes,
    members: row.members,
    failures: row.failures,
  }));
}
