import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const UI_DIRS = ["app", "components"];

/** Files with a `<table>` that is not inside components/ui/table-scroll.tsx's box, and whose table can grow wide. */
function tablesOutsideScrollBox(root = process.cwd()): string[] {
  return UI_DIRS.flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".tsx"))
      .map((name) => path.join(dir, name))
      .filter((file) => {
        const source = readFileSync(path.join(root, file), "utf8");
        const tables = [...source.matchAll(/<table\b[^>]*>/g)].map((match) => match[0]);
        // A fixed-layout table at full width is as wide as its box, never wider: it cannot widen a page.
        const canGrowWide = tables.some((tag) => !/\btable-fixed\b/.test(tag) || !/\bw-full\b/.test(tag));
        return canGrowWide && !source.includes("<TableScroll");
      }),
  ).sort();
}

describe("wide tables (issue #19 item 1)", () => {
  it("sit in the TableScroll box, which scrolls them by themselves with the key column pinned", () => {
    expect(tablesOutsideScrollBox()).toEqual([]);
  });
});
