import { describe, expect, it } from "vitest";
import { countLines, readLines, trackedFiles } from "./tracked-files";

/** A source file past this is doing more than one job: split it by concern. */
const MAX_SOURCE_LINES = 300;
/** Tests may hold longer tables of cases; past this, split by concern (happy path / validation / authorization). */
const MAX_TEST_LINES = 400;

const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** Written by tools, not people: Prisma's client and Next.js's type stub; migrations are append-only history. */
const GENERATED = [/^lib\/generated\//, /^prisma\/migrations\//, /(^|\/)next-env\.d\.ts$/];
const TEST = [/^tests\//, /^e2e\//, /\.(test|spec)\.tsx?$/];

/** Files another change is splitting right now: remove each entry once its split is in. */
const BEING_SPLIT = new Set<string>([]);

function lineLimit(file: string): number | null {
  if (!CODE.test(file) || GENERATED.some((pattern) => pattern.test(file))) return null;
  return TEST.some((pattern) => pattern.test(file)) ? MAX_TEST_LINES : MAX_SOURCE_LINES;
}

function oversized(files: readonly { file: string; lines: number }[]): string[] {
  return files.flatMap(({ file, lines }) => {
    const limit = lineLimit(file);
    return limit !== null && lines > limit ? [`${file}: ${lines} lines (limit ${limit})`] : [];
  });
}

describe("file sizes", () => {
  it("limits source files to 300 lines and tests to 400, leaving out generated files and migrations", () => {
    expect(lineLimit("lib/server/segments/create-segment.ts")).toBe(MAX_SOURCE_LINES);
    expect(lineLimit("app/(dashboard)/page.tsx")).toBe(MAX_SOURCE_LINES);
    expect(lineLimit("scripts/run-tests.mjs")).toBe(MAX_SOURCE_LINES);
    expect(lineLimit("lib/csv/context-key-escaping.test.ts")).toBe(MAX_TEST_LINES);
    expect(lineLimit("tests/support/call-route.ts")).toBe(MAX_TEST_LINES);
    expect(lineLimit("e2e/ui/segments-list.spec.ts")).toBe(MAX_TEST_LINES);
    expect(lineLimit("lib/generated/prisma/client.ts")).toBeNull();
    expect(lineLimit("prisma/migrations/20261207185223_member_session_version/migration.sql")).toBeNull();
    expect(lineLimit("README.md")).toBeNull();
    expect(
      oversized([
        { file: "lib/a.ts", lines: MAX_SOURCE_LINES + 1 },
        { file: "lib/b.ts", lines: MAX_SOURCE_LINES },
        { file: "tests/c.ts", lines: MAX_TEST_LINES },
      ]),
    ).toEqual([`lib/a.ts: ${MAX_SOURCE_LINES + 1} lines (limit ${MAX_SOURCE_LINES})`]);
    expect(countLines("a\nb\n")).toBe(2);
    expect(countLines("a\nb")).toBe(2);
  });

  it("keeps every tracked source and test file within its limit", () => {
    const files = trackedFiles()
      .filter((file) => !BEING_SPLIT.has(file) && lineLimit(file) !== null)
      .map((file) => ({ file, lines: readLines(file) }));
    expect(oversized(files)).toEqual([]);
  });
});
