import { describe, expect, it } from "vitest";
import { compilePagePattern } from "@/lib/server/http/compile-page-pattern";

describe("compilePagePattern", () => {
  const lookup = compilePagePattern(
    "/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]",
  );

  it("names one group per dynamic segment, in order", () => {
    expect(lookup.params.map((param) => param.name)).toEqual([
      "projectKey",
      "environmentKey",
      "segmentKey",
      "contextKey",
    ]);
    expect(lookup.pattern.exec("/api/v2/segments/p/e/s/contexts/user%2F1")?.slice(1)).toEqual([
      "p",
      "e",
      "s",
      "user%2F1",
    ]);
  });

  it("matches whole paths only: no trailing slash, no extra or missing segments", () => {
    expect(lookup.pattern.test("/api/v2/segments/p/e/s/contexts/k/")).toBe(false);
    expect(lookup.pattern.test("/api/v2/segments/p/e/s/contexts/k/more")).toBe(false);
    expect(lookup.pattern.test("/api/v2/segments/p/e/s/contexts/")).toBe(false);
    expect(lookup.pattern.test("/prefix/api/v2/segments/p/e/s/contexts/k")).toBe(false);
  });

  it("treats the static parts literally", () => {
    const evaluate = compilePagePattern(
      "/api/v2/projects/[projectKey]/environments/[environmentKey]/segments/evaluate",
    );
    expect(evaluate.pattern.test("/api/v2/projects/p/environments/e/segments/evaluate")).toBe(true);
    expect(evaluate.pattern.test("/api/v2/projects/p/environments/e/segments/evaluatex")).toBe(false);
    expect(compilePagePattern("/a.b/[x]").pattern.test("/aXb/1")).toBe(false);
  });

  it("lets a catch-all take one or more whole segments", () => {
    const catchAll = compilePagePattern("/api/[...path]");
    expect(catchAll.params).toEqual([{ name: "path", catchAll: true }]);
    expect(catchAll.pattern.exec("/api/v2/unknown/thing")?.[1]).toBe("v2/unknown/thing");
    expect(catchAll.pattern.test("/api/")).toBe(false);
  });
});
