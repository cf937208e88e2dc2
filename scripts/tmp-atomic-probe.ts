import { startEmbeddedPostgres } from "@/lib/server/postgres/start-embedded-postgres";
import { applyMigrations } from "@/lib/server/migrations/apply-migrations";
import { openSchemaEngine } from "@/lib/server/migrations/schema-engine";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import pg from "pg";

const pgh = await startEmbeddedPostgres({ dataDir: "/tmp/tmp-atomic-probe-pg", persistent: false });
try {
  await pgh.createDatabase("probe");
  const url = pgh.urlFor("probe");
  const dir = mkdtempSync("/tmp/mig-");
  writeFileSync(`${dir}/migration_lock.toml`, 'provider = "postgresql"\n');
  mkdirSync(`${dir}/20990101000000_half`);
  writeFileSync(`${dir}/20990101000000_half/migration.sql`, `CREATE TABLE "good" (id int);\n-- comment; with semicolon\nALTER TABLE "nope" ADD COLUMN "x" int;\n`);
  try { await applyMigrations(url, { migrationsDir: dir }); } catch (e) { console.log("failed as expected:", e instanceof Error ? e.message.split("\n")[0] : e); }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  console.log("good table exists:", (await c.query("select to_regclass('good') as t")).rows[0]);
  console.log((await c.query("select migration_name, finished_at, logs is not null as has_logs from _prisma_migrations")).rows);
  await c.end();
  const h = await openSchemaEngine(url);
  try {
    await h.run("debug panic", async (engine) => engine.debugPanic());
  } catch (e) {
    console.log("panic caught:", e instanceof Error ? e.message : e);
  } finally {
    await h.dispose().catch((e: unknown) => console.log("dispose after panic:", e));
  }
} finally {
  await pgh.stop();
}
console.log("done");
