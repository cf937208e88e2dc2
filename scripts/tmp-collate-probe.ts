import { startEmbeddedPostgres } from "@/lib/server/postgres/start-embedded-postgres";
import { diffMigrationsAgainstSchema } from "@/lib/server/migrations/diff-migrations";
import { applyMigrations } from "@/lib/server/migrations/apply-migrations";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import pg from "pg";

const pgh = await startEmbeddedPostgres({ dataDir: "/tmp/tmp-collate-probe-pg", persistent: false });
try {
  const admin = new pg.Client({ connectionString: pgh.urlFor("postgres") });
  await admin.connect();
  console.log((await admin.query("select collname, collprovider from pg_collation where collname in ('C','POSIX','ucs_basic','und-x-icu','en-x-icu','C.utf8','en_US.utf8')")).rows);
  console.log((await admin.query("select datname, datcollate, datlocprovider, datlocale from pg_database")).rows);
  await admin.end();
  await pgh.createDatabase("probe");
  const url = pgh.urlFor("probe");
  for (const collation of process.argv.slice(2)) {
    const dir = mkdtempSync("/tmp/mig-");
    cpSync("prisma/migrations", dir, { recursive: true });
    const sub = readdirSync(dir).find((d) => d.endsWith("_init"));
    const file = `${dir}/${sub}/migration.sql`;
    writeFileSync(file, readFileSync(file, "utf8").replaceAll('COLLATE "C"', `COLLATE "${collation}"`));
    const d = await diffMigrationsAgainstSchema(url, { migrationsDir: dir });
    console.log(collation, "inSync", d.inSync, d.sql.slice(0, 300));
  }
  const a = await applyMigrations(url);
  console.log(a);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  console.log((await c.query("select table_name, column_name, collation_name from information_schema.columns where column_name = 'context_key'")).rows);
  await c.end();
} finally {
  await pgh.stop();
}
