import { describe, expect, it } from "vitest";
import { lookupKey } from "./lookup-key";

describe("lookupKey", () => {
  it("trims pasted whitespace around the key and says it did", () => {
    expect(lookupKey("  user-1\t\r\n")).toEqual({ key: "user-1", trimmed: true });
    expect(lookupKey("\u00a0user-1")).toEqual({ key: "user-1", trimmed: true });
  });
  it("keeps a clean key and the spaces inside one", () => {
    expect(lookupKey("user 1")).toEqual({ key: "user 1", trimmed: false });
  });
  it("is empty for blank input, with nothing to report", () => {
    expect(lookupKey("   ")).toEqual({ key: "", trimmed: false });
  });
});
