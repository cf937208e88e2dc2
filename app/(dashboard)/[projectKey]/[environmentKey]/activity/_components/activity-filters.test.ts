import { describe, expect, it } from "vitest";
import {
  hasActivityFilters,
  NO_ACTIVITY_FILTERS,
  readActivityFilters,
  runsFilter,
  writeActivityFilters,
} from "./activity-filters";

describe("activity filters in the URL", () => {
  it("round-trips every filter", () => {
    const filters = {
      status: "partially_applied" as const,
      source: "amplitude",
      segment: "beta users",
      offset: 50,
    };
    const query = writeActivityFilters(filters);
    expect(query.toString()).toBe("status=partially_applied&source=amplitude&segment=beta+users&offset=50");
    expect(readActivityFilters(query)).toEqual(filters);
    expect(hasActivityFilters(filters)).toBe(true);
  });

  it("leaves defaults out of the URL", () => {
    expect(writeActivityFilters(NO_ACTIVITY_FILTERS).toString()).toBe("");
    expect(readActivityFilters(new URLSearchParams())).toEqual(NO_ACTIVITY_FILTERS);
    expect(hasActivityFilters({ ...NO_ACTIVITY_FILTERS, offset: 25 })).toBe(false);
  });

  it("drops malformed values and reads a server page's record", () => {
    expect(readActivityFilters(new URLSearchParams("status=partial&offset=-3"))).toEqual(NO_ACTIVITY_FILTERS);
    expect(readActivityFilters({ status: ["failed", "succeeded"], segment: " s1 ", offset: "1e3" })).toEqual({
      ...NO_ACTIVITY_FILTERS,
      status: "failed",
      segment: "s1",
    });
  });
});

describe("runsFilter", () => {
  it("maps the URL filters to the API's, leaving unset ones out (one query key on server and client)", () => {
    expect(runsFilter(NO_ACTIVITY_FILTERS)).toEqual({ limit: 25, offset: 0 });
    expect(runsFilter({ status: "failed", source: "import", segment: "s1", offset: 25 })).toEqual({
      integration: "import",
      status: "failed",
      segment: "s1",
      limit: 25,
      offset: 25,
    });
  });
});
