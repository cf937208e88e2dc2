import { startEmbeddedPostgres } from "@/lib/server/postgres/start-embedded-postgres";
import pg from "pg";
const h = await startEmbeddedPostgres({ dataDir: ".data/postgres" });
try {
  const c = new pg.Client({ connectionString: h.urlFor("postgres") });
  await c.connect();
  console.log((await c.query("select datname from pg_database")).rows.map((r) => r.datname));
  const t = new pg.Client({ connectionString: h.urlFor("tributary") });
  await t.connect();
  console.log((await t.query("select migration_name, checksum from _prisma_migrations")).rows);
  console.log((await t.query("select (select count(*) from project) p, (select count(*) from member) m")).rows);
  await t.end();
  if (process.argv[2] === "drop") { await c.query("drop database tributary with (force)"); console.log("dropped"); }
  await c.end();
} finally { await h.stop(); }
