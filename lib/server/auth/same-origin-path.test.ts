import { describe, expect, it } from "vitest";
import { MAX_RETURN_PATH_LENGTH, sameOriginPath } from "./same-origin-path";
import { sameOriginUrl } from "./same-origin-url";

const ORIGIN = "https://tributary.example";
const FALLBACK = "/";

// What /login?callbackUrl=… hands the page after URL decoding, and what next-auth hands its redirect callback.
const HOSTILE = [
  "/\\evil.example",
  "/\\evil.example/x",
  decodeURIComponent("/%5Cevil.example/x"),
  decodeURIComponent("/%09/evil.example/x"),
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r\n/evil.example",
  "\\\\evil.example",
  "//evil.example",
  "///evil.example",
  "https://evil.example",
  "https://tributary.example.evil.example/x",
  "https://tributary.example@evil.example/x",
  "http://tributary.example/x",
  "javascript:alert(1)",
  "java\tscript:alert(1)",
  "JAVASCRIPT:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "",
  "   ",
  "http://[::1",
  "https://tributary.example/settings/audit",
  "https://tributary.example//evil.example",
  "settings/members",
  "evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "/x\\y",
  "/x\u0000",
  `/${"a".repeat(MAX_RETURN_PATH_LENGTH)}`,
];

describe("sameOriginPath", () => {
  it.each(HOSTILE)("sends %j to the fallback", (candidate) => {
    expect(sameOriginPath(candidate, ORIGIN, FALLBACK)).toBe(FALLBACK);
  });

  it.each(HOSTILE)("refuses %j outright unless it names this origin", (candidate) => {
    const url = sameOriginUrl(candidate, ORIGIN);
    if (url) expect(url.origin).toBe(ORIGIN);
  });

  it.each([
    ["/projects", "/projects"],
    ["/default/production/segments?tag=a#top", "/default/production/segments?tag=a#top"],
    ["/acme/production/segments/checkout-beta/members", "/acme/production/segments/checkout-beta/members"],
    ["/a/../settings/members", "/settings/members"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps %j as %j", (candidate, expected) => {
    expect(sameOriginPath(candidate, ORIGIN, FALLBACK)).toBe(expected);
  });

  it("falls back for what is not a string", () => {
    expect(sameOriginPath(undefined, ORIGIN, FALLBACK)).toBe(FALLBACK);
    expect(sameOriginPath(["/x"], ORIGIN, FALLBACK)).toBe(FALLBACK);
  });
});

describe("sameOriginUrl", () => {
  it.each(["/\\evil.example", "//evil.example", "https://evil.example", "javascript:alert(1)"])(
    "refuses %j",
    (candidate) => {
      expect(sameOriginUrl(candidate, ORIGIN)).toBeNull();
    },
  );
});
