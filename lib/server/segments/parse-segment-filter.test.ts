import { describe, expect, it } from "vitest";
import { parseSegmentFilter } from "./parse-segment-filter";

describe("parseSegmentFilter", () => {
  it.each([
    [undefined, {}],
    ["", {}],
    ["   ", {}],
    ["query equals beta", { query: "beta" }],
    ["query equals  Beta users ", { query: "Beta users" }],
    ["tags anyOf [web,mobile]", { tagsAnyOf: ["web", "mobile"] }],
    ["tags anyOf [ web , web, mobile ]", { tagsAnyOf: ["web", "mobile"] }],
    ["unbounded equals true", { unbounded: true }],
    ["unbounded equals false", { unbounded: false }],
    ["external exists", { external: { exists: true } }],
    ["external equals amplitude", { external: { equals: "amplitude" } }],
    [
      "query equals x,tags anyOf [a,b],unbounded equals true,external equals hightouch",
      { query: "x", tagsAnyOf: ["a", "b"], unbounded: true, external: { equals: "hightouch" } },
    ],
    [" query equals x , external exists ", { query: "x", external: { exists: true } }],
    ["freshness equals stale", { freshness: "stale" }],
    ["synced equals false", { synced: false }],
    ["synced equals true,tags anyOf [a]", { synced: true, tagsAnyOf: ["a"] }],
    ["freshness equals never,external exists", { freshness: "never", external: { exists: true } }],
  ])("parses %j", (text, expected) => {
    expect(parseSegmentFilter(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["color equals red", /unknown field "color"/],
    ["query", /has no operator/],
    ["query contains x", /query equals/],
    ["query equals", /query text is missing/],
    ["tags anyOf web", /bracketed list/],
    ["tags anyOf []", /tag list is empty/],
    ["tags anyOf [a,,b]", /empty tag/],
    ["tags equals [a]", /tags anyOf/],
    ["tags anyOf [a,b", /never closed/],
    ["tags anyOf a]", /unexpected "]"/],
    ["tags anyOf [[a]]", /nested brackets/],
    ["unbounded equals yes", /unbounded equals true/],
    ["unbounded exists", /unbounded equals true/],
    ["external exists amplitude", /takes no value/],
    ["external equals", /integration key is missing/],
    ["external anyOf [a]", /external exists/],
    ["query equals a,", /clause is empty/],
    [",query equals a", /clause is empty/],
    ["query equals a,query equals b", /appears more than once/],
    ["freshness equals old", /freshness equals <fresh\|partial\|stale\|never\|failed>/],
    ["freshness exists", /freshness equals/],
    ["synced equals maybe", /synced equals true/],
  ])("rejects %j", (text, message) => {
    const result = parseSegmentFilter(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Invalid filter: /);
      expect(result.error).toMatch(message);
    }
  });
});
