import { describe, expect, it } from "vitest";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { segmentSizeChartData, segmentSizePoints } from "./segment-size-data";

const START = Date.UTC(2026, 2, 14, 9, 26, 53);
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

function run(
  startedAt: number,
  includedCountAfter: number | null,
  added: number,
  removed: number,
): SyncRunResponse {
  return {
    _id: String(startedAt),
    source: "amplitude",
    status: includedCountAfter === null ? "failed" : "succeeded",
    startedAt,
    durationMs: 5,
    token: null,
    member: null,
    segments: ["s"],
    counts: { received: added + removed, added, removed, unchanged: 0, skipped: 0 },
    skipped: [],
    skippedTruncated: false,
    error: null,
    includedCountAfter,
  };
}

/** `count` successful runs `gapMs` apart, newest first as the API lists them, each adding ten members. */
function runs(count: number, gapMs: number): SyncRunResponse[] {
  return Array.from({ length: count }, (_, index) =>
    run(START + index * gapMs, (index + 1) * 10, 10, 0),
  ).reverse();
}

describe("segmentSizePoints", () => {
  it("orders runs oldest first and leaves out failed runs", () => {
    expect(segmentSizePoints([run(3, 8, 0, 2), run(2, null, 0, 0), run(1, 10, 10, 0)])).toEqual([
      { at: 1, included: 10, added: 10, removed: 0 },
      { at: 3, included: 8, added: 0, removed: 2 },
    ]);
  });
});

describe("segmentSizeChartData", () => {
  it("has nothing to draw before a sync that left a count", () => {
    expect(segmentSizeChartData([])).toBeNull();
    expect(segmentSizeChartData([run(START, null, 0, 0)])).toBeNull();
  });

  it("draws one sync in the middle of a two-hour axis, the count axis from zero above it", () => {
    const data = segmentSizeChartData(runs(1, 0));
    expect(data?.points).toHaveLength(1);
    expect(data?.time.domain).toEqual([START - 60 * 60 * SECOND, START + 60 * 60 * SECOND]);
    expect(data?.members).toEqual({ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10] });
  });

  it("draws two syncs seconds apart on an axis labelled in seconds", () => {
    const data = segmentSizeChartData(runs(2, 2 * SECOND));
    expect(data?.points.map((point) => point.at)).toEqual([START, START + 2 * SECOND]);
    expect(data?.time.unit).toBe("second");
    expect(data?.totals).toEqual({ added: 20, removed: 0 });
  });

  it("draws 100 syncs with every count inside the axes", () => {
    const data = segmentSizeChartData(runs(100, 15 * 60 * SECOND));
    expect(data?.points).toHaveLength(100);
    const [start, end] = data?.time.domain ?? [0, 0];
    const top = data?.members.domain[1] ?? 0;
    for (const point of data?.points ?? []) {
      expect(point.at).toBeGreaterThan(start);
      expect(point.at).toBeLessThan(end);
      expect(point.included).toBeLessThanOrEqual(top);
    }
    expect(top).toBe(1000);
  });

  it("draws syncs months apart on an axis labelled by month", () => {
    const data = segmentSizeChartData(runs(4, 75 * DAY));
    expect(data?.time.unit).toBe("month");
    expect(data?.time.format).toEqual({ month: "short", year: "numeric" });
  });
});
