import { pgPool } from "@/lib/server/db";

/** Rows written per table and operation since the probe was installed, e.g. `{ "segment_member:INSERT": 3 }`. */
export type WriteCounts = Record<string, number>;

// Tables whose writes are bookkeeping of every request rather than data: the rate-limit windows, and the record of a
// refused request (written after its response, tests/integration/rejected-pushes-*.test.ts).
const IGNORED_TABLES = ["rate_limit", "rejected_push", "_prisma_migrations", "test_write_probe"];

const INSTALL = `
CREATE TABLE IF NOT EXISTS test_write_probe (
  table_name text NOT NULL,
  op text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (table_name, op)
);
CREATE OR REPLACE FUNCTION test_write_probe_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Authentication stamps a token's last use at most once a minute: that is not a write by the request's own logic.
  IF TG_TABLE_NAME = 'access_token' AND TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - 'last_used_at') = (to_jsonb(OLD) - 'last_used_at') THEN
    RETURN NULL;
  END IF;
  INSERT INTO test_write_probe (table_name, op, n) VALUES (TG_TABLE_NAME, TG_OP, 1)
  ON CONFLICT (table_name, op) DO UPDATE SET n = test_write_probe.n + 1;
  RETURN NULL;
END $$;`;

/**
 * Puts a row trigger on every table of this test file's own database that counts the rows each request inserts, updates
 * or deletes. The counter is transactional, so a write that was rolled back counts for nothing: exactly "no write".
 */
export async function installWriteProbe(): Promise<void> {
  const pool = pgPool();
  await pool.query(INSTALL);
  const tables = await pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND NOT (c.relname = ANY($1))`,
    [IGNORED_TABLES],
  );
  for (const { name } of tables.rows) {
    await pool.query(`DROP TRIGGER IF EXISTS test_write_probe ON "${name}"`);
    await pool.query(
      `CREATE TRIGGER test_write_probe AFTER INSERT OR UPDATE OR DELETE ON "${name}"
       FOR EACH ROW EXECUTE FUNCTION test_write_probe_record()`,
    );
  }
}

export async function readWriteCounts(): Promise<WriteCounts> {
  const result = await pgPool().query<{ key: string; n: string }>(
    `SELECT table_name || ':' || op AS key, n FROM test_write_probe`,
  );
  return Object.fromEntries(result.rows.map((row) => [row.key, Number(row.n)]));
}

/** What was written between two readings, without the tables and operations that did not change. */
export function writesBetween(before: WriteCounts, after: WriteCounts): WriteCounts {
  const changed: WriteCounts = {};
  for (const [key, count] of Object.entries(after)) {
    const delta = count - (before[key] ?? 0);
    if (delta !== 0) changed[key] = delta;
  }
  return changed;
}
