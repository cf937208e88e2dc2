import { describe, expect, it } from "vitest";
import { randomSamplePivots } from "@/lib/server/stores/random-sample-pivots";

describe("randomSamplePivots", () => {
  it("draws pivots between the lowest and highest key, after their shared prefix", () => {
    const pivots = randomSamplePivots("user-000", "user-999", 200);
    expect(pivots).toHaveLength(200);
    for (const pivot of pivots) {
      expect(pivot.startsWith("user-")).toBe(true);
      expect(pivot.slice(0, 6) >= "user-0").toBe(true);
      expect(pivot.slice(0, 6) <= "user-9").toBe(true);
    }
    // Spread over the range, not stuck at one end.
    expect(new Set(pivots.map((pivot) => pivot[5])).size).toBeGreaterThanOrEqual(8);
  });

  it("handles one key, and a lowest key that is a prefix of the highest", () => {
    expect(randomSamplePivots("a", "a", 3)).toHaveLength(3);
    const pivots = randomSamplePivots("ab", "abz", 50, () => 0.999);
    for (const pivot of pivots) expect(pivot.startsWith("ab")).toBe(true);
  });

  it("is deterministic for a given source of randomness", () => {
    const fixed = () => 0.5;
    expect(randomSamplePivots("a0", "a9", 2, fixed)).toEqual(randomSamplePivots("a0", "a9", 2, fixed));
  });
});
