import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prefixUpperBound } from "./prefix-upper-bound";

/** Byte-wise UTF-8 order, as PostgreSQL compares under COLLATE "C". */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

describe("prefixUpperBound", () => {
  it.each([
    ["user-", "user."],
    ["a", "b"],
    ["az", "a{"],
    ["\u{d7ff}", "\u{e000}"],
    ["x\u{10ffff}", "y"],
    ["é", "ê"],
  ])("bounds %j by %j", (prefix, bound) => {
    expect(prefixUpperBound(prefix)).toBe(bound);
  });

  it("has no bound for an empty prefix or one of only U+10FFFF", () => {
    expect(prefixUpperBound("")).toBeNull();
    expect(prefixUpperBound("\u{10ffff}\u{10ffff}")).toBeNull();
  });

  it("keeps exactly the keys that start with the prefix inside [prefix, bound)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 4 }),
        fc.string({ unit: "grapheme", maxLength: 6 }),
        fc.boolean(),
        (prefix, tail, extend) => {
          const key = extend ? prefix + tail : tail;
          const bound = prefixUpperBound(prefix);
          const inRange = compareBytes(key, prefix) >= 0 && (bound === null || compareBytes(key, bound) < 0);
          expect(inRange).toBe(key.startsWith(prefix));
        },
      ),
    );
  });
});
