import { describe, expect, it } from "vitest";
import { MAX_TAG_COMPLETIONS, parseTagText, tagCompletions } from "@/components/segments/tag-text";

describe("parseTagText", () => {
  it("splits, trims and de-duplicates comma-separated tags, keeping their case", () => {
    expect(parseTagText(" Beta, web ,,Beta")).toEqual({ ok: true, value: ["Beta", "web"] });
  });

  it("names the bad tag in the message", () => {
    expect(parseTagText("good, bad tag!")).toEqual({
      ok: false,
      error: `Tag "bad tag!" may contain only letters, digits, '.', '_' and '-'`,
    });
    expect(parseTagText("x".repeat(65))).toEqual({
      ok: false,
      error: `Tag "${"x".repeat(65)}" must be at most 64 characters`,
    });
  });

  it("says when there are too many tags", () => {
    const many = Array.from({ length: 51 }, (_, index) => `t${index}`).join(",");
    expect(parseTagText(many)).toEqual({ ok: false, error: "Tags: at most 50 tags" });
  });
});

describe("tagCompletions", () => {
  const known = ["Beta", "beta-2", "mobile", "web"];

  it("completes the tag being typed, case-insensitively, after the tags before it", () => {
    expect(tagCompletions("web, BE", known)).toEqual(["web, Beta", "web, beta-2"]);
    expect(tagCompletions("", known)).toEqual(known);
  });

  it("leaves out tags already in the list", () => {
    expect(tagCompletions("mobile,web,", known)).toEqual(["mobile,web, Beta", "mobile,web, beta-2"]);
  });

  it("offers at most MAX_TAG_COMPLETIONS", () => {
    const lots = Array.from({ length: MAX_TAG_COMPLETIONS + 5 }, (_, index) => `t${index}`);
    expect(tagCompletions("t", lots)).toHaveLength(MAX_TAG_COMPLETIONS);
  });
});
