import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeCsvMemberKey, unescapeCsvMemberKey } from "./member-key-escaping";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

/** Keys made mostly of the characters the rule is about, so every branch is hit often. */
const trickyKey = fc
  .array(fc.constantFrom("'", ...TRIGGERS, "a", ",", '"', "\n", " ", "é", "\u{1F600}"), { maxLength: 6 })
  .map((parts) => parts.join(""));
const anyKey = fc.oneof(trickyKey, fc.string({ unit: "binary", maxLength: 20 }));

describe("escapeCsvMemberKey", () => {
  it.each(TRIGGERS)("prefixes a quote to a key starting with %j", (trigger) => {
    expect(escapeCsvMemberKey(`${trigger}x`)).toBe(`'${trigger}x`);
    expect(unescapeCsvMemberKey(`'${trigger}x`)).toBe(`${trigger}x`);
  });

  it("also escapes a key whose leading quote would read as an escape, and nothing else", () => {
    expect(escapeCsvMemberKey("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(escapeCsvMemberKey("'=x")).toBe("''=x");
    expect(escapeCsvMemberKey("''")).toBe("'''");
    expect(escapeCsvMemberKey("'")).toBe("'");
    expect(escapeCsvMemberKey("'a")).toBe("'a");
    expect(escapeCsvMemberKey("a=b")).toBe("a=b");
    expect(escapeCsvMemberKey("")).toBe("");
  });

  it("never writes a cell that starts with a formula trigger", () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        expect(TRIGGERS).not.toContain(escapeCsvMemberKey(key).charAt(0));
      }),
      { numRuns: 2_000 },
    );
  });

  it("round-trips every key through the import's unescaping", () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        expect(unescapeCsvMemberKey(escapeCsvMemberKey(key))).toBe(key);
      }),
      { numRuns: 5_000 },
    );
  });
});
