import { describe, expect, it } from "vitest";
import {
  compileGlob,
  matchResource,
  parseResource,
  parseResourceSpecifier,
  specifierGovernsTributary,
} from "@/lib/server/access/resource";

describe("parseResourceSpecifier", () => {
  it.each([
    ["proj/*", [{ type: "proj", name: "*", tags: [] }]],
    ["proj/web;mobile", [{ type: "proj", name: "web", tags: ["mobile"] }]],
    ["proj/web;mobile,beta", [{ type: "proj", name: "web", tags: ["mobile", "beta"] }]],
    [
      "proj/*:env/production:segment/*",
      [
        { type: "proj", name: "*", tags: [] },
        { type: "env", name: "production", tags: [] },
        { type: "segment", name: "*", tags: [] },
      ],
    ],
    [
      "proj/*:env/*:segment/amplitude-*",
      [
        { type: "proj", name: "*", tags: [] },
        { type: "env", name: "*", tags: [] },
        { type: "segment", name: "amplitude-*", tags: [] },
      ],
    ],
    [
      "proj/*:env/*;prod:integration/*",
      [
        { type: "proj", name: "*", tags: [] },
        { type: "env", name: "*", tags: ["prod"] },
        { type: "integration", name: "*", tags: [] },
      ],
    ],
    [
      "member/*:token/*",
      [
        { type: "member", name: "*", tags: [] },
        { type: "token", name: "*", tags: [] },
      ],
    ],
    ["service-token/*", [{ type: "service-token", name: "*", tags: [] }]],
    ["role/*", [{ type: "role", name: "*", tags: [] }]],
    ["acct", [{ type: "acct", name: null, tags: [] }]],
    ["proj/a/b", [{ type: "proj", name: "a/b", tags: [] }]],
  ])("parses %s", (text, parts) => {
    const parsed = parseResourceSpecifier(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.text).toBe(text);
    expect(parsed.value.parts.map(({ type, name, tags }) => ({ type, name, tags }))).toEqual(parts);
  });

  it.each([
    ["", "the resource is empty"],
    ["proj/*:env", `"env" (part 2) needs a name, such as "env/*"`],
    ["proj", `"proj" (part 1) needs a name, such as "proj/*"`],
    ["proj/", `"proj/" (part 1) has an empty name`],
    ["proj/*::env/*", "part 2 is empty"],
    ["proj/*:", "part 2 is empty"],
    ["proj/*;", `"proj/*;" (part 1) has an empty tag`],
    ["proj/*;a,,b", `"proj/*;a,,b" (part 1) has an empty tag`],
    ["Proj/*", `"Proj/*" (part 1) has an invalid type "Proj"`],
    ["bogus/*", `"bogus/*" (part 1) has an unknown type "bogus"`],
    ["proj/*:bogus/*", `"bogus/*" (part 2) has an unknown type "bogus"`],
    ["proj/*:flag/*", `"proj:flag" is not a valid nesting of resource types`],
    ["ip-allowlist/main", `"ip-allowlist" takes no name or tags`],
    [`proj/${"x".repeat(1020)}`, "a resource specifier has at most 1024 characters"],
    [`proj/${"*a".repeat(17)}`, `a resource specifier has at most 16 "*"`],
    ["proj/my project", `"proj/my project" (part 1) contains whitespace`],
    ["acct/main", `"acct" takes no name or tags`],
    ["acct;tag", `"acct" takes no name or tags`],
    ["segment/*", `"segment" is not a valid nesting of resource types`],
    ["proj/*:segment/*", `"proj:segment" is not a valid nesting of resource types`],
    ["proj/*:env/*:segment/*:segment/*", `"proj:env:segment:segment" is not a valid nesting`],
    ["env/*:proj/*", `"env:proj" is not a valid nesting`],
    ["acct:proj/*", `"acct:proj" is not a valid nesting`],
  ])("rejects %j", (text, error) => {
    const parsed = parseResourceSpecifier(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain(error);
  });

  it.each([
    "proj/*:env/*",
    "proj/*:metric/*",
    "proj/*:env/*:flag/*",
    "webhook/*",
    "code-reference-repository/*",
    "relay-proxy-config/*",
    "ip-allowlist",
    `proj/${"*a".repeat(16)}`,
  ])("accepts %j from LaunchDarkly's vocabulary or within the limits", (text) => {
    expect(parseResourceSpecifier(text).ok).toBe(true);
  });

  it("says which specifiers name something Tributary has", () => {
    const governs = (text: string) => {
      const parsed = parseResourceSpecifier(text);
      return parsed.ok && specifierGovernsTributary(parsed.value);
    };
    expect(governs("proj/*:env/*:segment/*")).toBe(true);
    expect(governs("proj/*:metric/*")).toBe(false);
  });

  it("returns the same parsed object for the same text", () => {
    expect(parseResourceSpecifier("proj/*:env/*")).toBe(parseResourceSpecifier("proj/*:env/*"));
  });
});

describe("parseResource", () => {
  it("reads a concrete resource with tags", () => {
    const parsed = parseResource("proj/web;mobile,beta:env/production:segment/beta-users");
    expect(parsed).toEqual({
      ok: true,
      value: {
        text: "proj/web;mobile,beta:env/production:segment/beta-users",
        parts: [
          { type: "proj", name: "web", tags: ["mobile", "beta"] },
          { type: "env", name: "production", tags: [] },
          { type: "segment", name: "beta-users", tags: [] },
        ],
      },
    });
  });

  it("uses the same grammar as specifiers", () => {
    expect(parseResource("proj/web:env").ok).toBe(false);
    expect(parseResource("acct").ok).toBe(true);
  });

  it("refuses LaunchDarkly's resources that Tributary does not have, saying so", () => {
    const parsed = parseResource("proj/web:metric/signups");
    expect(parsed).toEqual({
      ok: false,
      error: `"proj:metric" is a LaunchDarkly resource that Tributary does not have`,
    });
  });
});

describe("compileGlob", () => {
  it.each([
    ["*", "", true],
    ["*", "anything/at:all", true],
    ["amplitude-*", "amplitude-", true],
    ["amplitude-*", "amplitude-beta", true],
    ["amplitude-*", "Amplitude-beta", false],
    ["amplitude-*", "xamplitude-beta", false],
    ["*-users", "beta-users", true],
    ["*-users", "beta-users-2", false],
    ["a*b*c", "abc", true],
    ["a*b*c", "a1b2c", true],
    ["a*b*c", "acb", false],
    ["a*", "a/b", true],
    ["update*", "updateName", true],
    ["update*", "createSegment", false],
    ["a.b", "a.b", true],
    ["a.b", "axb", false],
    ["a?", "ab", false],
    ["a?", "a?", true],
    ["[ab]", "a", false],
    ["[ab]", "[ab]", true],
    ["{a,b}", "a", false],
    ["a+", "aa", false],
    ["web", "web", true],
    ["web", "Web", false],
  ])("%j matches %j: %s", (pattern, value, expected) => {
    expect(compileGlob(pattern)(value)).toBe(expected);
  });
});

describe("matchResource", () => {
  it.each([
    ["proj/*", "proj/web", true],
    ["proj/*", "proj/web:env/production", false],
    ["proj/*:env/*", "proj/web", false],
    ["proj/*:env/*", "proj/web:env/production", true],
    ["proj/web;mobile", "proj/web;mobile", true],
    ["proj/web;mobile", "proj/web;beta,mobile", true],
    ["proj/web;mobile", "proj/web", false],
    ["proj/*;mobile,beta", "proj/web;mobile", false],
    ["proj/*;mobile,beta", "proj/web;beta,mobile,extra", true],
    ["proj/*", "proj/web;mobile", true],
    ["proj/*;Mobile", "proj/web;mobile", false],
    ["proj/Web", "proj/web", false],
    ["proj/*:env/production:segment/*", "proj/web:env/production:segment/beta", true],
    ["proj/*:env/production:segment/*", "proj/web:env/staging:segment/beta", false],
    ["proj/*:env/*:segment/amplitude-*", "proj/web:env/production:segment/amplitude-cohort-1", true],
    ["proj/*:env/*:segment/amplitude-*", "proj/web:env/production:segment/segment-cohort-1", false],
    ["proj/*:env/*:segment/*", "proj/web:env/production:integration/abc", false],
    ["member/*:token/*", "member/m1:token/t1", true],
    ["member/*:token/*", "service-token/t1", false],
    ["service-token/*", "service-token/t1", true],
    ["role/*", "role/ops", true],
    ["acct", "acct", true],
    ["acct", "role/ops", false],
    ["role/*", "acct", false],
    ["proj/*", "not a resource", false],
    ["bad spec", "proj/web", false],
  ])("%s vs %s: %s", (specifier, resource, expected) => {
    expect(matchResource(specifier, resource)).toBe(expected);
  });

  it("accepts parsed arguments", () => {
    const specifier = parseResourceSpecifier("proj/*:env/*");
    const resource = parseResource("proj/web:env/production");
    expect(specifier.ok && resource.ok && matchResource(specifier.value, resource.value)).toBe(true);
  });

  it("treats a literal * in a concrete name as a character", () => {
    expect(matchResource("proj/a*", "proj/a*")).toBe(true);
    expect(matchResource("proj/a", "proj/a*")).toBe(false);
  });
});
