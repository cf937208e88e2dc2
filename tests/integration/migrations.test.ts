import { readdir } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/tooling/migrations/apply-migrations";
import { diffMigrationsAgainstSchema } from "@/tooling/migrations/diff-migrations";
import { DEFAULT_MIGRATIONS_DIR, SHADOW_DATABASE_PREFIX } from "@/tooling/migrations/migration-files";

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: the integration setup did not run");
  return url;
}

describe("migrations", () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
  });

  it("match prisma/schema.prisma (run `scripts/db.ts diff <name>` when this fails)", async () => {
    const { inSync, sql } = await diffMigrationsAgainstSchema(databaseUrl());
    expect(sql).toContain("This is an empty migration");
    expect(inSync).toBe(true);
  });

  it("apply nothing a second time", async () => {
    const { appliedMigrationNames } = await applyMigrations(databaseUrl());
    expect(appliedMigrationNames).toEqual([]);
  });

  it("leave no shadow database behind", async () => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${SHADOW_DATABASE_PREFIX.replaceAll("_", "\\_")}%`],
    );
    expect(rows).toEqual([]);
  });

  it("create the import staging tables, unlogged", async () => {
    const { rows } = await client.query<{ relname: string; relpersistence: string }>(
      "select relname, relpersistence from pg_class where relname in ('segment_import', 'segment_import_key') and relkind = 'r' order by relname",
    );
    expect(rows).toEqual([
      { relname: "segment_import", relpersistence: "u" },
      { relname: "segment_import_key", relpersistence: "u" },
    ]);
  });

  it("record the init migration in _prisma_migrations", async () => {
    const directories = (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const init = directories.find((name) => /^\d{14}_init$/.test(name));
    expect(init).toBeDefined();

    const { rows } = await client.query<{
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>("select migration_name, finished_at, rolled_back_at from _prisma_migrations order by migration_name");
    expect(rows.map((row) => row.migration_name)).toEqual(directories);
    const initRow = rows.find((row) => row.migration_name === init);
    expect(initRow?.finished_at).toBeInstanceOf(Date);
    expect(initRow?.rolled_back_at).toBeNull();
  });
});
