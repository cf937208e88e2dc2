import { describe, expect, it } from "vitest";
import { MAX_FILTER_CLAUSES, MAX_FILTER_NESTING, parseSegmentFilter } from "./parse-segment-filter";

describe("parseSegmentFilter", () => {
  it.each([
    [undefined, { all: [] }],
    ["", { all: [] }],
    ["   ", { all: [] }],
    ["query equals beta", { field: "query", anyOf: ["beta"] }],
    ["query equals  Beta users ", { field: "query", anyOf: ["Beta users"] }],
    ['query equals "toggle"', { field: "query", anyOf: ["toggle"] }],
    ['query equals "a,b|c(d)\\"e"', { field: "query", anyOf: ['a,b|c(d)"e'] }],
    ['query equals ["beta","gamma"]', { field: "query", anyOf: ["beta", "gamma"] }],
    ["query equals a(b)", { field: "query", anyOf: ["a(b)"] }],
    ["tags anyOf [web,mobile]", { field: "tags", anyOf: ["web", "mobile"] }],
    ['tags anyOf ["web", "mobile"]', { field: "tags", anyOf: ["web", "mobile"] }],
    ['tags anyOf ["a,b", c]', { field: "tags", anyOf: ["a,b", "c"] }],
    ["tags anyOf [ web , web, mobile ]", { field: "tags", anyOf: ["web", "mobile"] }],
    ['includedKeys anyOf ["s1","s2"]', { field: "includedKeys", anyOf: ["s1", "s2"] }],
    ["excludedKeys anyOf [s1]", { field: "excludedKeys", anyOf: ["s1"] }],
    ["unbounded equals true", { field: "unbounded", equals: true }],
    ['unbounded equals "false"', { field: "unbounded", equals: false }],
    ["external exists", { field: "external", exists: true }],
    ['external equals "amplitude"', { field: "external", equals: "amplitude" }],
    ["freshness equals stale", { field: "freshness", equals: "stale" }],
    ["synced equals false", { field: "synced", equals: false }],
    [
      "query equals x,tags anyOf [a,b],unbounded equals true",
      {
        all: [
          { field: "query", anyOf: ["x"] },
          { field: "tags", anyOf: ["a", "b"] },
          { field: "unbounded", equals: true },
        ],
      },
    ],
    [
      "query equals a,query equals b",
      {
        all: [
          { field: "query", anyOf: ["a"] },
          { field: "query", anyOf: ["b"] },
        ],
      },
    ],
    [
      "tags anyOf [a]|external exists,unbounded equals true",
      {
        all: [
          {
            any: [
              { field: "tags", anyOf: ["a"] },
              { field: "external", exists: true },
            ],
          },
          { field: "unbounded", equals: true },
        ],
      },
    ],
    [
      "tags anyOf [a]|(external exists, unbounded equals true)",
      {
        any: [
          { field: "tags", anyOf: ["a"] },
          {
            all: [
              { field: "external", exists: true },
              { field: "unbounded", equals: true },
            ],
          },
        ],
      },
    ],
  ])("parses %j", (text, expected) => {
    expect(parseSegmentFilter(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["color equals red", /unknown field "color"/],
    ["query", /has no operator/],
    ["query contains x", /query equals/],
    ["query equals", /list is empty|value is missing/],
    ['query equals "open', /quote at position 14 is never closed/],
    ['query equals "a" b', /one JSON string/],
    ["tags anyOf web", /use a list/],
    ["tags anyOf []", /list is empty/],
    ["tags anyOf [a,,b]", /empty value/],
    ["tags equals [a]", /tags anyOf/],
    ["tags anyOf [a,b", /never closed/],
    ["tags anyOf a]", /unexpected "]"/],
    ["tags anyOf [[a]]", /nested "\["/],
    ["includedKeys equals s1", /includedKeys anyOf/],
    ["unbounded equals yes", /unbounded equals true/],
    ["unbounded exists", /unbounded equals true/],
    ["external exists amplitude", /takes no value/],
    ["external equals", /value is missing/],
    ["external anyOf [a]", /external exists/],
    ["query equals a,", /clause is missing at the end/],
    [",query equals a", /clause is missing before ","/],
    ["query equals a||external exists", /clause is missing before "\|"/],
    ["(query equals a", /is never closed/],
    ["(query equals a))", /unexpected "\)"/],
    ["freshness equals old", /freshness equals <fresh\|partial\|stale\|never\|failed>/],
    ["freshness exists", /freshness equals/],
    ["synced equals maybe", /synced equals true/],
    [Array.from({ length: MAX_FILTER_CLAUSES + 1 }, () => "external exists").join(","), /at most/],
    [`${"(".repeat(MAX_FILTER_NESTING + 1)}external exists${")".repeat(MAX_FILTER_NESTING + 1)}`, /nest/],
  ])("rejects %j", (text, message) => {
    const result = parseSegmentFilter(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Invalid filter: /);
      expect(result.error).toMatch(message);
    }
  });
});
