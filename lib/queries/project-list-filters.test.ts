import { describe, expect, it } from "vitest";
import {
  DEFAULT_PROJECT_FILTERS,
  projectFiltersFromSearchParams,
  projectFiltersToSearchParams,
  projectListPath,
} from "@/lib/queries/project-list-filters";
import { parseProjectFilter } from "@/lib/schemas/project-filter";
import { projectListQuerySchema } from "@/lib/schemas/project";

describe("the Projects page's URL state", () => {
  it("round-trips search, order and page through the URL, leaving defaults out", () => {
    const filters = { ...DEFAULT_PROJECT_FILTERS, q: "mobile", sort: "-name" as const, offset: 40 };
    const params = projectFiltersToSearchParams(filters);
    expect(params.toString()).toBe("q=mobile&sort=-name&offset=40");
    expect(projectFiltersFromSearchParams(params)).toEqual(filters);
    expect(projectFiltersToSearchParams(DEFAULT_PROJECT_FILTERS).toString()).toBe("");
  });

  it("falls back to the defaults for anything unreadable, and drops commas from a search", () => {
    expect(projectFiltersFromSearchParams({ sort: "key", offset: "-3" })).toEqual(DEFAULT_PROJECT_FILTERS);
    expect(projectFiltersFromSearchParams({ q: "a,b" }).q).toBe("a b");
  });

  it("asks the API with a query its schema accepts", () => {
    const path = projectListPath({ ...DEFAULT_PROJECT_FILTERS, q: "web app", sort: "name", offset: 20 });
    const query = Object.fromEntries(new URL(path, "http://local").searchParams);
    expect(query).toEqual({ limit: "20", offset: "20", sort: "name", filter: "query:web app" });
    expect(projectListQuerySchema.safeParse(query).success).toBe(true);
  });
});

describe("parseProjectFilter", () => {
  it("reads LaunchDarkly's query, tags and keys clauses", () => {
    expect(parseProjectFilter("query:abc,tags:a+b,keys:x|y")).toEqual({
      query: "abc",
      tags: ["a", "b"],
      keys: ["x", "y"],
    });
    expect(parseProjectFilter("query:a:b")).toEqual({ query: "a:b", tags: [], keys: [] });
  });

  it.each(["query", "query:", "name:x", "query equals web", "query:a,,"])("refuses %j", (text) => {
    expect(parseProjectFilter(text)).toBeNull();
  });
});
