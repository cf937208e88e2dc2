import { describe, expect, it } from "vitest";
import { keyAlphabet, randomSamplePivots } from "@/lib/server/stores/random-sample-pivots";

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

  it("with the keys' alphabet, stays out of the gaps between the characters keys use", () => {
    const alphabet = keyAlphabet("id-0a", "id-f3", [
      "id-0a",
      "id-5c",
      "id-9f",
      "id-b2",
      "id-f3",
      "id-e7",
      "id-1d",
    ]);
    expect(alphabet).toEqual(["0", "1", "2", "3", "5", "7", "9", "a", "b", "c", "d", "e", "f"]);
    const pivots = randomSamplePivots("id-0a", "id-f3", 300, alphabet);
    for (const pivot of pivots) expect(pivot.slice(3)).toMatch(/^[0-9a-f]+$/);
    expect(new Set(pivots.map((pivot) => pivot[3])).size).toBeGreaterThanOrEqual(10);
  });

  it("handles one key, and a lowest key that is a prefix of the highest", () => {
    expect(randomSamplePivots("a", "a", 3)).toHaveLength(3);
    const pivots = randomSamplePivots("ab", "abz", 50, null, () => 0.999);
    for (const pivot of pivots) expect(pivot.startsWith("ab")).toBe(true);
  });

  it("is deterministic for a given source of randomness", () => {
    const fixed = () => 0.5;
    expect(randomSamplePivots("a0", "a9", 2, null, fixed)).toEqual(
      randomSamplePivots("a0", "a9", 2, null, fixed),
    );
  });
});
