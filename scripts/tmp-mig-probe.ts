import { startEmbeddedPostgres } from "@/lib/server/postgres/start-embedded-postgres";
import { diffMigrationsAgainstSchema } from "@/lib/server/migrations/diff-migrations";
import { applyMigrations } from "@/lib/server/migrations/apply-migrations";
import pg from "pg";

const pgh = await startEmbeddedPostgres({ dataDir: "/tmp/tmp-mig-probe-pg", persistent: false });
try {
  await pgh.createDatabase("probe");
  const url = pgh.urlFor("probe");
  const logs: string[] = [];
  const d = await diffMigrationsAgainstSchema(url, { migrationsDir: "/tmp/nonexistent-migrations", log: (l) => logs.push(l) });
  console.log("inSync", d.inSync, "sql length", d.sql.length);
  console.log(d.sql.slice(0, 400));
  console.log("logs", logs.length, logs.slice(0, 5));
  const a = await applyMigrations(url, { migrationsDir: "/tmp/nonexistent-migrations" });
  console.log("applied", a);
  const c = new pg.Client({ connectionString: pgh.urlFor("postgres") });
  await c.connect();
  console.log((await c.query("select datname from pg_database")).rows);
  await c.end();
} finally {
  await pgh.stop();
}
console.log("done");
