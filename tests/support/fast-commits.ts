import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";
import { disconnectDatabase } from "@/lib/server/db";

/**
 * Lets this test file's own, throwaway database commit without waiting for the disk (`synchronous_commit = off`): what a
 * transaction sees and when it becomes visible are unchanged, only durability across a crash is given up. Tests that send
 * thousands of requests spend most of their time in commit flushes otherwise. Reconnects the pool, because the setting
 * applies to new sessions.
 */
export async function commitWithoutFlushing(): Promise<void> {
  const client = new pg.Client({ connectionString: requireDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
    const name = rows[0]?.name;
    if (!name) throw new Error("no current database");
    await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
  await disconnectDatabase();
}
