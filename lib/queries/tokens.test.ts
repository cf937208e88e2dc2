import { describe, expect, it } from "vitest";
import {
  DEFAULT_TOKEN_FILTERS,
  tokenFiltersFromSearchParams,
  tokenFiltersToSearchParams,
  tokenListPath,
  tokenSettingsPatch,
} from "@/lib/queries/tokens";
import { tokenListQuerySchema } from "@/lib/schemas/token";

describe("the token list's URL state", () => {
  it("round-trips filters through the page URL, leaving defaults out", () => {
    const filters = {
      ...DEFAULT_TOKEN_FILTERS,
      q: "ci",
      type: "service" as const,
      expiring: true,
      unused: true,
      sort: "name" as const,
      offset: 40,
    };
    const params = tokenFiltersToSearchParams(filters);
    expect(params.toString()).toBe("q=ci&type=service&expiring=true&unused=true&sort=name&offset=40");
    expect(tokenFiltersFromSearchParams(params)).toEqual(filters);
    expect(tokenFiltersToSearchParams(DEFAULT_TOKEN_FILTERS).toString()).toBe("");
  });

  it("falls back to the defaults for anything unreadable", () => {
    expect(
      tokenFiltersFromSearchParams({ type: "robot", sort: "ending", offset: "-3", expiring: "yes" }),
    ).toEqual(DEFAULT_TOKEN_FILTERS);
  });

  it("asks the API with a query its schema accepts", () => {
    const path = tokenListPath({
      ...DEFAULT_TOKEN_FILTERS,
      q: "x",
      type: "personal",
      expiring: true,
      unused: true,
    });
    const query = tokenListQuerySchema.parse(Object.fromEntries(new URL(path, "http://local").searchParams));
    expect(query).toMatchObject({
      showAll: true,
      q: "x",
      type: "personal",
      expiringWithinDays: 7,
      unused: true,
      sort: "-creationDate",
    });
  });
});

describe("the edit dialog's patch", () => {
  it("sets every access field so the token ends with exactly the chosen access", () => {
    expect(tokenSettingsPatch({ name: "n", description: null, access: { role: "reader" } })).toEqual([
      { op: "replace", path: "/name", value: "n" },
      { op: "replace", path: "/description", value: null },
      { op: "replace", path: "/role", value: "reader" },
      { op: "replace", path: "/customRoleIds", value: [] },
      { op: "replace", path: "/inlineRole", value: null },
    ]);
    expect(tokenSettingsPatch({ name: "n", description: "d" })).toHaveLength(2);
  });
});
