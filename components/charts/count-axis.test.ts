import { describe, expect, it } from "vitest";
import { countAxis, MAX_COUNT_TICKS } from "./count-axis";

describe("countAxis", () => {
  it("starts at zero and reaches one when every count is zero", () => {
    expect(countAxis([0])).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });

  it("uses whole steps for small counts", () => {
    expect(countAxis([2, 1])).toEqual({ domain: [0, 2], ticks: [0, 1, 2] });
    expect(countAxis([7])).toEqual({ domain: [0, 8], ticks: [0, 2, 4, 6, 8] });
  });

  it("rounds large counts up to a round top with at most the allowed ticks above zero", () => {
    const axis = countAxis([1234, 17]);
    expect(axis.domain).toEqual([0, 1250]);
    expect(axis.ticks).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(axis.ticks.length - 1).toBeLessThanOrEqual(MAX_COUNT_TICKS);
  });

  it("keeps a value that is exactly a step on the top tick", () => {
    expect(countAxis([1000]).domain).toEqual([0, 1000]);
  });

  it("has no ticks below zero for an empty list", () => {
    expect(countAxis([])).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });
});
