import { describe, expect, it } from "vitest";
import { freshnessNeedsClock, segmentFreshness } from "./freshness";

const NOW = Date.UTC(2025, 0, 10, 12);
const HOUR = 3_600_000;

/** A segment as the API answers it: `_external` is omitted for one managed here (null below). */
function synced(lastSync: { at: number; status: string } | null, external: string | null = "amplitude") {
  return external === null ? { _lastSync: lastSync } : { _external: external, _lastSync: lastSync };
}

describe("segmentFreshness", () => {
  it.each([
    ["a recent successful sync", synced({ at: NOW - HOUR, status: "succeeded" }), "fresh"],
    ["a sync exactly at the limit", synced({ at: NOW - 24 * HOUR, status: "succeeded" }), "fresh"],
    ["a sync just past the limit", synced({ at: NOW - 24 * HOUR - 1, status: "succeeded" }), "stale"],
    ["a recent partial sync", synced({ at: NOW - HOUR, status: "partially_applied" }), "partial"],
    ["an old partial sync", synced({ at: NOW - 48 * HOUR, status: "partially_applied" }), "stale"],
    ["a recent failed sync", synced({ at: NOW - HOUR, status: "failed" }), "failed"],
    ["an old failed sync", synced({ at: NOW - 48 * HOUR, status: "failed" }), "failed"],
    ["no sync yet", synced(null), "never"],
    ["a segment managed here", synced({ at: NOW - 48 * HOUR, status: "succeeded" }, null), null],
    ["a segment managed here with no sync", synced(null, null), null],
    [
      "a segment managed here whose last import failed",
      synced({ at: NOW, status: "failed" }, null),
      "failed",
    ],
  ])("%s is %s", (_case, segment, expected) => {
    expect(segmentFreshness(segment, 24, NOW)).toBe(expected);
  });

  it("uses the configured limit", () => {
    const segment = synced({ at: NOW - 2 * HOUR, status: "succeeded" });
    expect(segmentFreshness(segment, 1, NOW)).toBe("stale");
    expect(segmentFreshness(segment, 3, NOW)).toBe("fresh");
  });
});

describe("freshnessNeedsClock", () => {
  it("is true only when the age decides", () => {
    expect(freshnessNeedsClock(synced({ at: NOW, status: "succeeded" }))).toBe(true);
    expect(freshnessNeedsClock(synced({ at: NOW, status: "failed" }))).toBe(false);
    expect(freshnessNeedsClock(synced(null))).toBe(false);
    expect(freshnessNeedsClock(synced({ at: NOW, status: "succeeded" }, null))).toBe(false);
  });
});
