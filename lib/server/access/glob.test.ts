import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, countWildcards, matchGlob } from "@/lib/server/access/glob";
import { MAX_CHECKED_RESOURCE_LENGTH, MAX_GLOB_WILDCARDS } from "@/lib/server/access/policy-limits";

/** The textbook dynamic-programming matcher: `reachable[j]` is whether the pattern read so far can end at value[0..j). */
function referenceMatch(pattern: string, value: string): boolean {
  let reachable = Array.from({ length: value.length + 1 }, (_, j) => j === 0);
  for (const symbol of pattern) {
    const next = Array.from({ length: value.length + 1 }, () => false);
    for (let j = 0; j <= value.length; j += 1) {
      if (symbol === "*") next[j] = (reachable[j] ?? false) || (j > 0 && (next[j - 1] ?? false));
      else next[j] = j > 0 && (reachable[j - 1] ?? false) && value[j - 1] === symbol;
    }
    reachable = next;
  }
  return reachable[value.length] ?? false;
}

const symbol = fc.constantFrom("a", "b", "/", ":");
const valueArb = fc.array(symbol, { maxLength: 12 }).map((symbols) => symbols.join(""));
const patternArb = fc
  .array(fc.oneof(symbol, fc.constant("*")), { maxLength: 10 })
  .map((symbols) => symbols.join(""));

describe("matchGlob", () => {
  it("agrees with a dynamic-programming matcher on random globs and values", () => {
    fc.assert(
      fc.property(patternArb, valueArb, (pattern, value) => {
        expect(matchGlob(pattern, value)).toBe(referenceMatch(pattern, value));
        expect(compileGlob(pattern)(value)).toBe(referenceMatch(pattern, value));
      }),
      { numRuns: 5_000 },
    );
  });

  it("agrees with it on values built to nearly match the glob", () => {
    const nearMiss = fc.tuple(patternArb, fc.array(valueArb, { maxLength: 6 })).map(([pattern, fillers]) => {
      let filler = 0;
      const value = pattern.replace(/\*/g, () => fillers[filler++] ?? "");
      return { pattern, value: value.slice(0, Math.max(0, value.length - 1)) + "b" };
    });
    fc.assert(
      fc.property(nearMiss, ({ pattern, value }) => {
        expect(matchGlob(pattern, value)).toBe(referenceMatch(pattern, value));
      }),
      { numRuns: 5_000 },
    );
  });

  it("answers the backtracking worst case at the largest allowed size in well under 50 ms", () => {
    // With `*` turned into `.*`, `*a*a*a*a*a*a*a*a*b` against 40 characters of `a` took seconds.
    const pattern = `${"*a".repeat(MAX_GLOB_WILDCARDS - 1)}*b`;
    expect(countWildcards(pattern)).toBe(MAX_GLOB_WILDCARDS);
    const value = "a".repeat(MAX_CHECKED_RESOURCE_LENGTH);
    const started = performance.now();
    for (let round = 0; round < 100; round += 1) expect(matchGlob(pattern, value)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe("countWildcards", () => {
  it.each([
    ["", 0],
    ["proj/web", 0],
    ["*", 1],
    ["proj/*:env/*a*", 3],
  ])("%j has %d", (text, count) => {
    expect(countWildcards(text)).toBe(count);
  });
});
