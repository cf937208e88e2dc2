import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** Keys per second of a raw COPY of `keys` into an empty copy of the membership table (the reference). */
export async function copyCeiling(db: pg.Client, keys: readonly string[]): Promise<number> {
  await db.query(
    "drop table if exists bench_copy; create table bench_copy (like segment_member including all)",
  );
  const started = performance.now();
  const stream = db.query(copyFrom("copy bench_copy (segment_id, context_key) from stdin"));
  await pipeline(
    Readable.from(
      (function* () {
        for (let start = 0; start < keys.length; start += 10_000) {
          yield keys
            .slice(start, start + 10_000)
            .map((key) => `1\t${key}\n`)
            .join("");
        }
      })(),
    ),
    stream,
  );
  const seconds = (performance.now() - started) / 1000;
  await db.query("drop table bench_copy");
  return keys.length / seconds;
}

/** Waits (at most 5 minutes) until no autovacuum worker runs; returns the milliseconds waited. */
/**
 * Brings PostgreSQL to the steady state that follows a big ingest before the lookups are timed: what autovacuum and the
 * checkpointer would do over the next minutes (vacuum and analyze of the 3M new rows, the checkpoint of their WAL) is
 * done now, so that it does not start in the middle of the measurement (it did: one run's 4-client lookups went from
 * 2,400 to 1,500 requests per second). Returns the milliseconds it took.
 */
export async function settleDatabase(db: pg.Client): Promise<number> {
  const started = performance.now();
  // Waits for an autovacuum worker already on the table (same lock), then leaves it nothing to do.
  await db.query("vacuum (analyze) segment_member");
  await db.query("checkpoint");
  while (performance.now() - started < 300_000) {
    const running = await db.query<{ workers: number }>(
      "select count(*)::int as workers from pg_stat_activity where backend_type = 'autovacuum worker'",
    );
    if ((running.rows[0]?.workers ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return performance.now() - started;
}
