/*
 * Database migrations without the native Prisma schema engine (see tooling/migrations/schema-engine.ts).
 *
 *   node --experimental-wasm-modules --import tsx scripts/db.ts migrate        apply pending migrations
 *   node --experimental-wasm-modules --import tsx scripts/db.ts diff <name>    write a migration for schema changes
 *   node --experimental-wasm-modules --import tsx scripts/db.ts check          exit 1 if migrations and schema disagree
 *   node --experimental-wasm-modules --import tsx scripts/db.ts seed           migrate, then the owner and demo data
 *
 * The database is DATABASE_URL; when it is unset, an embedded PostgreSQL on .data/postgres (started for the command
 * and stopped afterwards). `diff` and `check` only use the server, for a temporary shadow database.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { applyMigrations } from "../tooling/migrations/apply-migrations";
import { diffMigrationsAgainstSchema } from "../tooling/migrations/diff-migrations";
import {
  DEFAULT_MIGRATIONS_DIR,
  loadMigrationsList,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
} from "../tooling/migrations/migration-files";
import { startEmbeddedPostgres } from "../lib/server/postgres/start-embedded-postgres";

const EMBEDDED_DATA_DIR = ".data/postgres";
const EMBEDDED_DATABASE = "tributary";

const USAGE = `Usage: scripts/db.ts <command>
  migrate       apply pending migrations to DATABASE_URL
  diff <name>   write prisma/migrations/<timestamp>_<name>/migration.sql when the schema differs from the migrations
  check         exit 1, printing the missing SQL, when the migrations and the schema disagree
  seed          migrate, then create the owner (TRIBUTARY_ADMIN_EMAIL/PASSWORD) and the demo data if the database is empty
Without DATABASE_URL, an embedded PostgreSQL is started on ${EMBEDDED_DATA_DIR}.`;

async function withDatabase<T>(body: (databaseUrl: string) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) return body(configured);

  console.error(`DATABASE_URL is unset: starting the embedded PostgreSQL on ${EMBEDDED_DATA_DIR}`);
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, persistent: true }).catch(
    (error: unknown) => {
      throw new Error(
        `Could not start the embedded PostgreSQL on ${EMBEDDED_DATA_DIR} (is another process, e.g. the dev server, ` +
          `already running it? Then set DATABASE_URL to that server)`,
        { cause: error },
      );
    },
  );
  try {
    await embedded.createDatabase(EMBEDDED_DATABASE);
    return await body(embedded.urlFor(EMBEDDED_DATABASE));
  } finally {
    await embedded.stop();
  }
}

async function migrate(): Promise<number> {
  const { appliedMigrationNames } = await withDatabase((url) =>
    applyMigrations(url, { migrationsDir: DEFAULT_MIGRATIONS_DIR }),
  );
  if (appliedMigrationNames.length === 0) {
    console.log("No pending migrations.");
  } else {
    for (const name of appliedMigrationNames) console.log(`Applied ${name}`);
  }
  return 0;
}

function migrationSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 200);
}

function utcTimestamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

/** A timestamp later than every existing migration's, so the new one always sorts last. */
async function nextMigrationTimestamp(): Promise<string> {
  const existing = (await loadMigrationsList(DEFAULT_MIGRATIONS_DIR)).migrationDirectories.map(
    (dir) => dir.path,
  );
  let candidate = new Date();
  const latest = existing.at(-1)?.slice(0, 14) ?? "";
  while (utcTimestamp(candidate) <= latest) candidate = new Date(candidate.getTime() + 1000);
  return utcTimestamp(candidate);
}

async function diff(name: string | undefined): Promise<number> {
  const slug = migrationSlug(name ?? "");
  if (!slug) {
    console.error("diff needs a migration name, e.g. `diff add_segment_notes`");
    return 1;
  }
  const { inSync, sql } = await withDatabase((url) => diffMigrationsAgainstSchema(url));
  if (inSync) {
    console.log("The migrations already match prisma/schema.prisma: nothing to write.");
    return 0;
  }
  const directory = path.join(DEFAULT_MIGRATIONS_DIR, `${await nextMigrationTimestamp()}_${slug}`);
  await mkdir(directory, { recursive: true });
  const lockPath = path.join(DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_FILE);
  if (!existsSync(lockPath)) await writeFile(lockPath, MIGRATION_LOCK_CONTENT);
  const file = path.join(directory, "migration.sql");
  await writeFile(file, sql.endsWith("\n") ? sql : `${sql}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  return 0;
}

async function check(): Promise<number> {
  const { inSync, sql } = await withDatabase((url) => diffMigrationsAgainstSchema(url));
  if (inSync) {
    console.log("The migrations match prisma/schema.prisma.");
    return 0;
  }
  console.error(
    "The migrations do not match prisma/schema.prisma. Missing SQL (run `diff <name>` to write it):\n",
  );
  console.log(sql);
  return 1;
}

/** What `npm start` does on a first start, without starting the app: migrations, the owner, the demo data. */
async function seed(): Promise<number> {
  return withDatabase(async (url) => {
    await applyMigrations(url, { migrationsDir: DEFAULT_MIGRATIONS_DIR });
    process.env.DATABASE_URL = url;
    const { ensureOwner } = await import("../lib/server/seed/ensure-owner");
    const { seedDemoData } = await import("../lib/server/seed/seed-demo-data");
    const { disconnectDatabase } = await import("../lib/server/db");
    try {
      const owner = await ensureOwner({
        email: process.env.TRIBUTARY_ADMIN_EMAIL,
        password: process.env.TRIBUTARY_ADMIN_PASSWORD,
      });
      if (owner.created)
        console.log(
          `Created the owner ${owner.email}${owner.password ? ` with the password ${owner.password}` : ""}`,
        );
      const { seeded } = await seedDemoData();
      console.log(
        seeded ? "Seeded the demo data." : "The database already has projects: no demo data added.",
      );
      return 0;
    } finally {
      await disconnectDatabase();
    }
  });
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "migrate":
      return migrate();
    case "diff":
      return diff(rest[0]);
    case "check":
      return check();
    case "seed":
      return seed();
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return 0;
    default:
      console.error(USAGE);
      return 1;
  }
}

let exitCode: number;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error);
  exitCode = 1;
}
// Explicitly, because embedded-postgres's exit hook (async-exit-hook) ends the process with code 0 on "beforeExit",
// discarding process.exitCode.
process.exit(exitCode);
