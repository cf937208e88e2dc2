import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findDirectoryClosedToOthers } from "./find-directory-closed-to-others";

const made: string[] = [];

function tempDir(mode: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "closed-to-others-"));
  chmodSync(dir, mode);
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("findDirectoryClosedToOthers", () => {
  it("names a parent that others may not enter, as /root is", () => {
    const closed = tempDir(0o700);
    const project = path.join(closed, "tributary", ".data", "postgres");
    mkdirSync(path.dirname(project), { recursive: true });
    expect(findDirectoryClosedToOthers([project])).toBe(closed);
  });

  it("accepts a path every user may enter, including parts not created yet", () => {
    const open = tempDir(0o755);
    expect(findDirectoryClosedToOthers([path.join(open, "not-yet", "postgres")])).toBeNull();
  });

  it("checks every target", () => {
    const open = tempDir(0o755);
    const closed = tempDir(0o750);
    expect(findDirectoryClosedToOthers([open, path.join(closed, "bin")])).toBe(closed);
  });
});
