import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The written boundary of docs/data-access.md, checked: raw SQL only in these places, each for the reason given there.
const RAW_SQL_HOMES = [
  "lib/server/membership/",
  "lib/server/segment-members/",
  "lib/server/imports/",
  "lib/server/sync/",
  "lib/server/sync-stats/",
  "lib/server/access/tokens/",
  "lib/server/stores/",
  "lib/server/alerts/",
  "lib/server/row-locks/",
  "lib/server/transactions/",
  "lib/server/postgres/",
  "lib/server/audit/record-audit-entry.ts",
  "lib/server/auth/reserve-sign-in-attempt.ts",
  "lib/server/segments/delete-segment.ts",
  "lib/server/segments/next-segment-generation.ts",
  "lib/server/environments/delete-environment.ts",
  "lib/server/environments/remove-environment-rows.ts",
  "lib/server/environments/hidden-run-segment-keys.ts",
  "lib/server/projects/delete-project.ts",
];

/**
 * Starts PostgreSQL for `npm start` and the test harness, outside the app (so without `server-only`, which
 * `sqlStatement` needs): its one parameterised query, on the maintenance database, keeps its value in place.
 */
const INLINE_PARAMETERS_EXEMPT: readonly string[] = ["lib/server/postgres/start-embedded-postgres.ts"];

/** The one transaction runner; everything else calls `runTransaction` or `runSqlTransaction`. */
const TRANSACTION_RUNNER = "lib/server/transactions/run-transaction.ts";

const RAW_SQL = /\$queryRaw|\$executeRaw|\.query\s*[<(]/;
const PRISMA_TRANSACTION = /\.\$transaction\s*[<(]/;
const SQL_TRANSACTION = /\.query\s*\(\s*["'`](BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i;

const RAW_QUERY_CALL = /(?:\.query|\$queryRawUnsafe|\$executeRawUnsafe)\s*(?:<[^>()]*>)?\s*\(/g;
/** A parameter list written in place: an array argument, or a `values: [` field of a query config. */
const INLINE_PARAMETERS = /(?:^|,)\s*\[|\bvalues\s*:\s*\[/;

/** The source with every string and template literal emptied, so SQL text cannot look like code. */
function withoutStrings(source: string): string {
  return source.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

/** The argument text of each raw query call in `source`, up to its closing parenthesis. */
function rawQueryArguments(source: string): string[] {
  const code = withoutStrings(source);
  return [...code.matchAll(RAW_QUERY_CALL)].map((match) => {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < code.length && depth > 0) {
      if (code[end] === "(") depth += 1;
      if (code[end] === ")") depth -= 1;
      end += 1;
    }
    return code.slice(start, end - 1);
  });
}

/** Files whose raw queries pass their parameters in place instead of through a statement module (`*-statement.ts`). */
function filesWithInlineParameters(): string[] {
  return sourceFiles("lib").filter(
    (path) =>
      !path.endsWith("-statement.ts") &&
      rawQueryArguments(readFileSync(join(root, path), "utf8")).some((args) => INLINE_PARAMETERS.test(args)),
  );
}

const root = join(import.meta.dirname, "..", "..", "..");

function sourceFiles(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return path === "lib/generated" ? [] : sourceFiles(path);
    // Tests may use SQL to set up and check; the rule is for the application's code.
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function filesMatching(pattern: RegExp): string[] {
  return sourceFiles("lib").filter((path) => pattern.test(readFileSync(join(root, path), "utf8")));
}

describe("the data-access boundary (docs/data-access.md)", () => {
  it("finds the source files it checks", () => {
    expect(sourceFiles("lib")).toContain("lib/server/transactions/run-transaction.ts");
    expect(filesMatching(RAW_SQL)).toContain("lib/server/membership/apply-membership-changes.ts");
  });

  it("has raw SQL only in its homes", () => {
    const outside = filesMatching(RAW_SQL).filter(
      (path) => !RAW_SQL_HOMES.some((home) => (home.endsWith("/") ? path.startsWith(home) : path === home)),
    );
    expect(outside).toEqual([]);
  });

  it("recognises a raw query with its parameters written in place", () => {
    const inline = rawQueryArguments(
      'await db.query<{ id: number }>("delete from t where id = $1 and (a)", [id]);',
    );
    expect(inline.map((args) => INLINE_PARAMETERS.test(args))).toEqual([true]);
    const config = rawQueryArguments("await pool.query<Row>({ ...LOOKUP, values: [a, b] });");
    expect(config.map((args) => INLINE_PARAMETERS.test(args))).toEqual([true]);
    const statement = rawQueryArguments("await client.query(lockSegmentStatement.query({ segmentId }));");
    expect(statement.some((args) => INLINE_PARAMETERS.test(args))).toBe(false);
  });

  it("passes raw SQL parameters only through statement modules", () => {
    expect(filesWithInlineParameters().filter((path) => !INLINE_PARAMETERS_EXEMPT.includes(path))).toEqual(
      [],
    );
  });

  it("exempts only files that still need it", () => {
    expect(INLINE_PARAMETERS_EXEMPT.filter((path) => !filesWithInlineParameters().includes(path))).toEqual(
      [],
    );
  });

  it("starts Prisma transactions only in the runner", () => {
    expect(filesMatching(PRISMA_TRANSACTION).filter((path) => path !== TRANSACTION_RUNNER)).toEqual([]);
  });

  it("begins and ends raw SQL transactions only in the runner", () => {
    expect(
      filesMatching(SQL_TRANSACTION).filter((path) => !path.startsWith("lib/server/transactions/")),
    ).toEqual([]);
  });
});
