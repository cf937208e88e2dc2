import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeCsvContextKey, unescapeCsvContextKey } from "./context-key-escaping";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

/** Keys made mostly of the characters the rule is about, so every branch is hit often. */
const trickyKey = fc
  .array(fc.constantFrom("'", ...TRIGGERS, "a", ",", '"', "\n", " ", "é", "\u{1F600}"), { maxLength: 6 })
  .map((parts) => parts.join(""));
const anyKey = fc.oneof(trickyKey, fc.string({ unit: "binary", maxLength: 20 }));

describe("escapeCsvContextKey", () => {
  it.each(TRIGGERS)("prefixes a quote to a key starting with %j", (trigger) => {
    expect(escapeCsvContextKey(`${trigger}x`)).toBe(`'${trigger}x`);
    expect(unescapeCsvContextKey(`'${trigger}x`)).toBe(`${trigger}x`);
  });

  it("also escapes a key whose leading quote would read as an escape, and nothing else", () => {
    expect(escapeCsvContextKey("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(escapeCsvContextKey("'=x")).toBe("''=x");
    expect(escapeCsvContextKey("''")).toBe("'''");
    expect(escapeCsvContextKey("'")).toBe("'");
    expect(escapeCsvContextKey("'a")).toBe("'a");
    expect(escapeCsvContextKey("a=b")).toBe("a=b");
    expect(escapeCsvContextKey("")).toBe("");
  });

  it("never writes a cell that starts with a formula trigger", () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        expect(TRIGGERS).not.toContain(escapeCsvContextKey(key).charAt(0));
      }),
      { numRuns: 2_000 },
    );
  });

  it("round-trips every key through the import's unescaping", () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        expect(unescapeCsvContextKey(escapeCsvContextKey(key))).toBe(key);
      }),
      { numRuns: 5_000 },
    );
  });
});
