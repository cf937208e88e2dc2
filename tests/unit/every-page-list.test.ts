import { describe, expect, it } from "vitest";
import { appPagePatterns, EVERY_PAGE } from "@/e2e/every-page/app-pages";

describe("the e2e sweep's page list (e2e/ui/every-page.spec.ts)", () => {
  it("holds every page.tsx under app/, so a new page cannot escape the sweep", () => {
    expect(Object.keys(EVERY_PAGE).sort()).toEqual(appPagePatterns());
  });

  it("names each page once, so screenshots and findings do not overwrite each other", () => {
    const names = Object.values(EVERY_PAGE).map((page) => page.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
