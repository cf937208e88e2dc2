import { afterEach, describe, expect, it } from "vitest";
import {
  MAX_TIME_TICKS,
  MIN_TIME_SPAN_MS,
  SINGLE_POINT_HALF_SPAN_MS,
  timeAxis,
  timeDomain,
} from "./time-axis";

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

const START = Date.UTC(2026, 2, 14, 9, 26, 53, 120);
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

/** `count` points `gapMs` apart from START. */
function times(count: number, gapMs: number): number[] {
  return Array.from({ length: count }, (_, index) => START + index * gapMs);
}

function expectWellFormed(axis: ReturnType<typeof timeAxis>, points: readonly number[]) {
  const [start, end] = axis.domain;
  expect(start).toBeLessThan(Math.min(...points));
  expect(end).toBeGreaterThan(Math.max(...points));
  expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
  expect(axis.ticks.length).toBeLessThanOrEqual(MAX_TIME_TICKS);
  for (const tick of axis.ticks) {
    expect(tick).toBeGreaterThanOrEqual(start);
    expect(tick).toBeLessThanOrEqual(end);
  }
  const gaps = axis.ticks.slice(1).map((tick, index) => tick - (axis.ticks[index] ?? 0));
  for (const gap of gaps) expect(gap).toBeGreaterThan(0);
}

describe("timeDomain", () => {
  it("centres a single point in an hour either side", () => {
    expect(timeDomain([START])).toEqual([
      START - SINGLE_POINT_HALF_SPAN_MS,
      START + SINGLE_POINT_HALF_SPAN_MS,
    ]);
  });

  it("treats points at the same instant as one", () => {
    expect(timeDomain([START, START])).toEqual(timeDomain([START]));
  });

  it("leaves a little room around the first and last point, in any order", () => {
    const [start, end] = timeDomain([START + 100 * SECOND, START]);
    expect(start).toBe(START - 4 * SECOND);
    expect(end).toBe(START + 104 * SECOND);
  });

  it("refuses no points at all", () => {
    expect(() => timeDomain([])).toThrow();
  });
});

describe("timeAxis", () => {
  it("gives one sync a readable two-hour axis labelled in minutes", () => {
    const axis = timeAxis([START]);
    expectWellFormed(axis, [START]);
    expect(axis.unit).toBe("minute");
    expect(axis.format).toEqual({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  });

  it("labels two syncs seconds apart in seconds", () => {
    const points = times(2, 3 * SECOND);
    const axis = timeAxis(points);
    expectWellFormed(axis, points);
    expect(axis.unit).toBe("second");
    expect(axis.format.second).toBe("2-digit");
    for (const tick of axis.ticks) expect(tick % SECOND).toBe(0);
  });

  it("labels syncs milliseconds apart on whole seconds", () => {
    const points = times(3, 90);
    const axis = timeAxis(points);
    expectWellFormed(axis, points);
    expect(axis.unit).toBe("second");
    expect(axis.domain[1] - axis.domain[0]).toBe(MIN_TIME_SPAN_MS);
  });

  it("labels 100 syncs a second apart in tens of seconds", () => {
    const points = times(100, SECOND);
    const axis = timeAxis(points);
    expectWellFormed(axis, points);
    expect(axis.unit).toBe("second");
    for (const tick of axis.ticks) expect(tick % (30 * SECOND)).toBe(0);
  });

  it("labels 100 hourly syncs by day and hour", () => {
    const points = times(100, 60 * 60 * SECOND);
    const axis = timeAxis(points);
    expectWellFormed(axis, points);
    expect(["hour", "day"]).toContain(axis.unit);
    expect(axis.format.day).toBe("numeric");
  });

  it("labels syncs months apart by month and year, on the first of a month", () => {
    const points = times(5, 61 * DAY);
    const axis = timeAxis(points);
    expectWellFormed(axis, points);
    expect(axis.unit).toBe("month");
    expect(axis.format).toEqual({ month: "short", year: "numeric" });
    for (const tick of axis.ticks) {
      expect(new Date(tick).getDate()).toBe(1);
      expect(new Date(tick).getHours()).toBe(0);
    }
  });

  it("labels 100 syncs over years by year", () => {
    const points = times(100, 30 * DAY);
    const axis = timeAxis(points);
    expectWellFormed(axis, points);
    expect(axis.unit).toBe("year");
    for (const tick of axis.ticks) expect(new Date(tick).getMonth()).toBe(0);
  });

  it("puts hourly ticks on whole hours of the browser's zone, half-hour offsets included", () => {
    process.env.TZ = "Asia/Kolkata";
    const points = times(2, 5 * 60 * 60 * SECOND);
    const axis = timeAxis(points);
    expectWellFormed(axis, points);
    expect(axis.unit).toBe("hour");
    for (const tick of axis.ticks) expect(new Date(tick).getMinutes()).toBe(0);
  });

  it("puts daily ticks on local midnights", () => {
    process.env.TZ = "America/New_York";
    const points = times(2, 10 * DAY);
    const axis = timeAxis(points);
    expectWellFormed(axis, points);
    expect(axis.unit).toBe("day");
    for (const tick of axis.ticks) expect(new Date(tick).getHours()).toBe(0);
  });
});
