import { describe, expect, it } from "vitest";
import type { SyncStatsHour } from "@/lib/schemas/sync-stats";
import { syncChartData } from "./sync-chart-data";

const HOUR = 60 * 60 * 1000;
const FIRST = Date.UTC(2026, 2, 14, 0);

/** 48 hours, as the API answers, with pushes in the hours given. */
function stats(busy: Readonly<Record<number, Omit<SyncStatsHour, "hour">>>): SyncStatsHour[] {
  return Array.from({ length: 48 }, (_, index) => ({
    hour: FIRST + index * HOUR,
    ...(busy[index] ?? { pushes: 0, members: 0, failures: 0 }),
  }));
}

describe("syncChartData", () => {
  it("draws one push in its hour, on a count axis from zero to one", () => {
    const data = syncChartData(stats({ 47: { pushes: 1, members: 3, failures: 0 } }));
    expect(data.hours).toHaveLength(48);
    expect(data.busyHours).toEqual([
      { hour: FIRST + 47 * HOUR, pushes: 1, members: 3, failures: 0, applied: 1 },
    ]);
    expect(data.pushes).toEqual({ domain: [0, 1], ticks: [0, 1] });
    expect(data.members.domain).toEqual([0, 3]);
    expect(data.totals).toEqual({ pushes: 1, members: 3, failures: 0 });
  });

  it("splits an hour's pushes into applied and failed, which stack to the pushes", () => {
    const data = syncChartData(stats({ 10: { pushes: 2, members: 4, failures: 1 } }));
    expect(data.busyHours).toEqual([
      { hour: FIRST + 10 * HOUR, pushes: 2, members: 4, failures: 1, applied: 1 },
    ]);
    expect(data.pushes.domain).toEqual([0, 2]);
  });

  it("fits 100 pushes seconds apart in one hour under the top of the axis", () => {
    const data = syncChartData(stats({ 20: { pushes: 100, members: 250_000, failures: 3 } }));
    expect(data.pushes.domain[1]).toBeGreaterThanOrEqual(100);
    expect(data.members.domain[1]).toBeGreaterThanOrEqual(250_000);
    expect(data.busyHours).toHaveLength(1);
  });

  it("keeps pushes hours apart in their own hours, labelling hours that are on the axis", () => {
    const data = syncChartData(
      stats({ 0: { pushes: 1, members: 1, failures: 0 }, 40: { pushes: 2, members: 5, failures: 2 } }),
    );
    expect(data.busyHours.map((hour) => hour.hour)).toEqual([FIRST, FIRST + 40 * HOUR]);
    for (const tick of data.time.ticks) expect(data.hours.map((hour) => hour.hour)).toContain(tick);
    expect(data.totals).toEqual({ pushes: 3, members: 6, failures: 2 });
  });

  it("has an empty table and a one-step axis without pushes", () => {
    const data = syncChartData(stats({}));
    expect(data.busyHours).toEqual([]);
    expect(data.pushes).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });
});
