import { afterEach, describe, expect, it } from "vitest";
import { hourAxis, MAX_HOUR_TICKS } from "./hour-axis";

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

const HOUR = 60 * 60 * 1000;
const FIRST = Date.UTC(2026, 2, 14, 7);

function hours(count: number): number[] {
  return Array.from({ length: count }, (_, index) => FIRST + index * HOUR);
}

describe("hourAxis", () => {
  it("labels one hour", () => {
    expect(hourAxis(hours(1)).ticks).toEqual([FIRST]);
  });

  it("labels both of two hours, by the clock alone", () => {
    const axis = hourAxis(hours(2));
    expect(axis.ticks).toEqual(hours(2));
    expect(axis.format.weekday).toBeUndefined();
  });

  it("labels 48 hours every six local hours with the weekday", () => {
    process.env.TZ = "UTC";
    const axis = hourAxis(hours(48));
    expect(axis.ticks.length).toBeLessThanOrEqual(MAX_HOUR_TICKS);
    expect(axis.ticks.map((tick) => new Date(tick).getUTCHours() % 6)).toEqual(axis.ticks.map(() => 0));
    expect(axis.format.weekday).toBe("short");
  });

  it("labels 168 hours at local midnights", () => {
    process.env.TZ = "America/New_York";
    const axis = hourAxis(hours(168));
    expect(axis.ticks.length).toBeGreaterThan(0);
    expect(axis.ticks.length).toBeLessThanOrEqual(MAX_HOUR_TICKS);
    for (const tick of axis.ticks) expect(new Date(tick).getHours()).toBe(0);
  });

  it("labels only hours that are on the axis", () => {
    const axis = hourAxis(hours(100));
    for (const tick of axis.ticks) expect(hours(100)).toContain(tick);
  });

  it("has no ticks without hours", () => {
    expect(hourAxis([]).ticks).toEqual([]);
  });
});
