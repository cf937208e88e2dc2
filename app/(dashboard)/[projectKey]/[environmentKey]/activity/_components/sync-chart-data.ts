import { countAxis, type CountAxis } from "@/components/charts/count-axis";
import { hourAxis, type HourAxis } from "@/components/charts/hour-axis";
import type { SyncStatsHour } from "@/lib/schemas/sync-stats";

export type SyncChartHour = SyncStatsHour & { applied: number };

export type SyncChartData = {
  /** Every hour, oldest first: the bars. */
  hours: SyncChartHour[];
  /** Only the hours that had a push: the data table. */
  busyHours: SyncChartHour[];
  time: HourAxis;
  pushes: CountAxis;
  members: CountAxis;
  totals: { pushes: number; members: number; failures: number };
};

function total(hours: readonly SyncStatsHour[], field: "pushes" | "members" | "failures"): number {
  return hours.reduce((sum, hour) => sum + hour[field], 0);
}

/** Bars of pushes (applied and failed) and of members received per hour, on one shared hour axis. */
export function syncChartData(stats: readonly SyncStatsHour[]): SyncChartData {
  const hours = stats.map((hour) => ({ ...hour, applied: hour.pushes - hour.failures }));
  return {
    hours,
    busyHours: hours.filter((hour) => hour.pushes > 0),
    time: hourAxis(hours.map((hour) => hour.hour)),
    pushes: countAxis(hours.map((hour) => hour.pushes)),
    members: countAxis(hours.map((hour) => hour.members)),
    totals: {
      pushes: total(stats, "pushes"),
      members: total(stats, "members"),
      failures: total(stats, "failures"),
    },
  };
}
