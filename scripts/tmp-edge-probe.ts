import { startEmbeddedPostgres } from "@/lib/server/postgres/start-embedded-postgres";
import { diffMigrationsAgainstSchema } from "@/lib/server/migrations/diff-migrations";
import { applyMigrations } from "@/lib/server/migrations/apply-migrations";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import pg from "pg";

const pgh = await startEmbeddedPostgres({ dataDir: "/tmp/tmp-edge-probe-pg", persistent: false });
try {
  await pgh.createDatabase("probe");
  const url = pgh.urlFor("probe");
  // drift: drop a column from the init migration
  const dir = mkdtempSync("/tmp/mig-");
  cpSync("prisma/migrations", dir, { recursive: true });
  const sub = readdirSync(dir).find((d) => d.endsWith("_init"));
  const file = `${dir}/${sub}/migration.sql`;
  writeFileSync(file, readFileSync(file, "utf8").replace('    "last_seen_at" TIMESTAMPTZ(3),\n', ""));
  const d = await diffMigrationsAgainstSchema(url, { migrationsDir: dir });
  console.log("drift inSync", d.inSync, JSON.stringify(d.sql));
  // apply, then a second migration with semicolons inside literals and a function body
  console.log(await applyMigrations(url, { migrationsDir: dir, log: (l) => console.log("LOG", l.trim().slice(0, 150)) }));
  mkdirSync(`${dir}/20990101000000_semicolons`);
  writeFileSync(`${dir}/20990101000000_semicolons/migration.sql`, `COMMENT ON TABLE "member" IS 'a;b';\nCREATE FUNCTION tmp_f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;\n`);
  try { console.log(await applyMigrations(url, { migrationsDir: dir })); } catch (e) { console.log("semicolon migration failed:", e instanceof Error ? e.message : e); }
  // broken migration
  mkdirSync(`${dir}/20990102000000_broken`);
  writeFileSync(`${dir}/20990102000000_broken/migration.sql`, `ALTER TABLE "nope" ADD COLUMN "x" int;`);
  try { console.log(await applyMigrations(url, { migrationsDir: dir })); } catch (e) { console.log("broken failed:", e instanceof Error ? e.message : e); }
  // bad URL
  try { await applyMigrations(pgh.urlFor("does_not_exist"), { migrationsDir: dir }); } catch (e) { console.log("bad db:", e instanceof Error ? e.message.slice(0, 300) : e); }
  const c = new pg.Client({ connectionString: pgh.urlFor("postgres") });
  await c.connect();
  console.log((await c.query("select datname from pg_database")).rows.map((r) => r.datname));
  console.log((await c.query("select count(*) from pg_stat_activity where datname is not null and pid <> pg_backend_pid()")).rows);
  await c.end();
} finally {
  await pgh.stop();
}
console.log("done");
