import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectHourlySyncStatsParams = {
  environmentId: string;
  hours: number;
  hiddenSegmentKeys: readonly string[];
};

// One range scan of the (environment_id, started_at) index and one group-by; every hour of the window is present (zeros
// included) so a chart's time axis has no gaps. Hours are UTC.
export const selectHourlySyncStatsStatement = sqlStatement<SelectHourlySyncStatsParams>(
  "tributary_sync_stats_hourly",
  { environmentId: "", hours: "", hiddenSegmentKeys: "" },
  (p) => `WITH window_hours AS (
           SELECT generate_series(
             date_trunc('hour', now(), 'UTC') - make_interval(hours => ${p.hours} - 1),
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
           WHERE environment_id = ${p.environmentId}
             AND started_at >= date_trunc('hour', now(), 'UTC') - make_interval(hours => ${p.hours} - 1)
             AND NOT (segment_keys && ${p.hiddenSegmentKeys}::text[])
           GROUP BY 1
         )
         SELECT w.hour, coalesce(r.pushes, 0) AS pushes, coalesce(r.members, 0) AS members,
                coalesce(r.failures, 0) AS failures
         FROM window_hours w LEFT JOIN runs r ON r.hour = w.hour
         ORDER BY w.hour`,
);
