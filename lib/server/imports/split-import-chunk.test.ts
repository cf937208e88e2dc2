import { describe, expect, it } from "vitest";
import { splitImportChunk } from "./split-import-chunk";

describe("splitImportChunk", () => {
  it("stages valid keys and skips the rest with their reason and line", () => {
    const { valid, skipped } = splitImportChunk(
      ["a", "", "b\u0007", "k".repeat(513), "c"],
      [2, 3, 5, 6, 9],
      0,
    );
    expect(valid).toEqual(["a", "c"]);
    expect(skipped).toEqual([
      { id: "", reason: "empty", position: 3 },
      { id: "b\u0007", reason: "contains control characters", position: 5 },
      { id: "k".repeat(64), reason: "longer than 512 characters", position: 6 },
    ]);
  });

  it("without lines, a key's position is its place among all keys sent to the import", () => {
    expect(splitImportChunk(["ok", ""], undefined, 10_000).skipped).toEqual([
      { id: "", reason: "empty", position: 10_002 },
    ]);
  });
});
