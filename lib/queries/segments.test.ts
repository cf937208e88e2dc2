import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEGMENT_FILTERS,
  filtersFromSearchParams,
  filtersToSearchParams,
  segmentFilterParameter,
  type SegmentListFilters,
} from "./segments";

const filters = (changes: Partial<SegmentListFilters>): SegmentListFilters => ({
  ...DEFAULT_SEGMENT_FILTERS,
  ...changes,
});

describe("segmentFilterParameter", () => {
  it.each([
    [{}, undefined],
    [{ query: "  beta " }, "query equals beta"],
    [{ query: "a,b[c]" }, "query equals a b c"],
    [{ tags: ["web", "mobile"] }, "tags anyOf [web,mobile]"],
    [{ integration: "synced" }, "synced equals true"],
    [{ integration: "unsynced" }, "synced equals false"],
    [{ integration: "amplitude" }, "external equals amplitude"],
    [{ freshness: "stale" as const }, "freshness equals stale"],
    [
      { query: "x", tags: ["a"], integration: "hightouch", freshness: "failed" as const },
      "query equals x,tags anyOf [a],external equals hightouch,freshness equals failed",
    ],
  ])("turns %j into %j", (changes, expected) => {
    expect(segmentFilterParameter(filters(changes))).toBe(expected);
  });
});

describe("filters in the page URL", () => {
  it("leaves defaults out and reads back what it wrote", () => {
    expect(filtersToSearchParams(DEFAULT_SEGMENT_FILTERS).toString()).toBe("");
    const chosen = filters({
      query: "beta",
      tags: ["web", "mobile"],
      integration: "amplitude",
      freshness: "stale",
      sort: "name",
      offset: 40,
    });
    expect(filtersFromSearchParams(filtersToSearchParams(chosen))).toEqual(chosen);
  });

  it("falls back to the defaults for anything unreadable", () => {
    expect(
      filtersFromSearchParams({ sort: "size", freshness: "old", offset: "-3", tags: ",,", q: ["a", "b"] }),
    ).toEqual(filters({ query: "a" }));
  });
});
