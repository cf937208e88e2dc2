/**
 * Compares ways of writing a batch of new members into a large segment, each variant a whole transaction (insert, outbox
 * row, counter update, commit), interleaved round-robin so machine noise hits all of them alike. Starts its own embedded
 * PostgreSQL with the real migrations.
 *
 *   node --experimental-wasm-modules --conditions=react-server --import tsx bench/membership-sql.ts \
 *     [--preload=1000000] [--rounds=10] [--batch=10000]
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { membershipListStatement } from "@/lib/server/membership/membership-list-statement";
import { randomKeys } from "./keys";
import { processCpuMs } from "./process-cpu";

function option(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return raw ? Number(raw.split("=")[1]) : fallback;
}

const PRELOAD = option("preload", 1_000_000);
const ROUNDS = option("rounds", 10);
const BATCH = option("batch", 10_000);

type Context = { client: pg.Client; segmentId: number; environmentId: string; keys: string[] };
type Variant = { name: string; run: (context: Context) => Promise<number> };

async function finish(client: pg.Client, segmentId: number, added: number) {
  await client.query("UPDATE segment SET included_count = included_count + $2 WHERE id = $1", [
    segmentId,
    added,
  ]);
  await client.query("COMMIT");
  return added;
}

function productionVariant(name: string, outboxTable: string, withStore: boolean): Variant {
  const statement = membershipListStatement("segment_member", { skipExisting: true });
  const sql = statement.text.replace("INSERT INTO membership_outbox", `INSERT INTO ${outboxTable}`);
  return {
    name,
    run: async ({ client, segmentId, environmentId, keys }) => {
      await client.query("BEGIN");
      const result = await client.query<{ added: number }>(
        sql,
        statement.values({
          segmentId,
          removeKeysJson: "[]",
          addKeysJson: JSON.stringify(keys),
          appliedAt: new Date(),
          syncRunId: "00000000-0000-4000-8000-000000000001",
          // An environment id without a store: the outbox part writes nothing.
          environmentId: withStore ? environmentId : "00000000-0000-4000-8000-000000000000",
          segmentRef: "ref.g1",
        }),
      );
      return finish(client, segmentId, result.rows[0]?.added ?? 0);
    },
  };
}

const variants: Variant[] = [
  {
    name: "before: text[] sorted in JS, RETURNING keys, outbox keys sent again",
    run: async ({ client, segmentId, environmentId, keys }) => {
      const sorted = [...new Set(keys)].sort();
      await client.query("BEGIN");
      const result = await client.query<{ context_key: string }>(
        `INSERT INTO segment_member (segment_id, context_key, added_at) SELECT $1, k, now() FROM unnest($2::text[]) AS k
         ON CONFLICT DO NOTHING RETURNING context_key`,
        [segmentId, sorted],
      );
      await client.query(
        `INSERT INTO membership_outbox (environment_id, segment_id, segment_ref, context_keys) VALUES ($1, $2, 'ref.g1', $3::text[])`,
        [environmentId, segmentId, result.rows.map((row) => row.context_key)],
      );
      return finish(client, segmentId, result.rowCount ?? 0);
    },
  },
  productionVariant("now: JSON keys, one statement, outbox from the statement", "membership_outbox", true),
  productionVariant("now, outbox column stored uncompressed", "outbox_external", true),
  productionVariant("now, no store (no outbox row)", "membership_outbox", false),
  {
    name: "COPY into a temp table, INSERT ... SELECT sorted ON CONFLICT (no outbox)",
    run: async ({ client, segmentId, keys }) => {
      await client.query("BEGIN");
      await client.query(
        'CREATE TEMP TABLE IF NOT EXISTS staged_key (k text COLLATE "C") ON COMMIT DELETE ROWS',
      );
      await pipeline(
        Readable.from([keys.map((key) => key.replaceAll("\\", "\\\\")).join("\n") + "\n"]),
        client.query(copyFrom("COPY staged_key (k) FROM STDIN")),
      );
      const result = await client.query(
        `INSERT INTO segment_member (segment_id, context_key, added_at)
         SELECT $1, k, now() FROM (SELECT DISTINCT k FROM staged_key) d ORDER BY k
         ON CONFLICT DO NOTHING`,
        [segmentId],
      );
      return finish(client, segmentId, result.rowCount ?? 0);
    },
  },
  {
    name: "probe existing keys, then COPY the new ones straight in (no outbox; a concurrent duplicate aborts)",
    run: async ({ client, segmentId, keys }) => {
      await client.query("BEGIN");
      const existing = await client.query<{ context_key: string }>(
        `SELECT context_key FROM segment_member
         WHERE segment_id = $1 AND context_key IN (SELECT json_array_elements_text($2::json))`,
        [segmentId, JSON.stringify(keys)],
      );
      const present = new Set(existing.rows.map((row) => row.context_key));
      const fresh = [...new Set(keys)].filter((key) => !present.has(key)).sort();
      const runId = "00000000-0000-4000-8000-000000000001";
      await pipeline(
        Readable.from([fresh.map((key) => `${segmentId}\t${key}\t${runId}\n`).join("")]),
        client.query(copyFrom("COPY segment_member (segment_id, context_key, sync_run_id) FROM STDIN")),
      );
      return finish(client, segmentId, fresh.length);
    },
  },
  {
    name: "plain INSERT, sorted, no conflict handling (no outbox; a duplicate aborts)",
    run: async ({ client, segmentId, keys }) => {
      await client.query("BEGIN");
      const result = await client.query(
        `INSERT INTO segment_member (segment_id, context_key, added_at)
         SELECT $1, k, now() FROM (SELECT DISTINCT k FROM json_array_elements_text($2::json) AS k) d
         ORDER BY k COLLATE "C"`,
        [segmentId, JSON.stringify(keys)],
      );
      return finish(client, segmentId, result.rowCount ?? 0);
    },
  },
  {
    name: "plain COPY straight in, sorted (no outbox; a duplicate aborts)",
    run: async ({ client, segmentId, keys }) => {
      await client.query("BEGIN");
      const fresh = [...new Set(keys)].sort();
      const runId = "00000000-0000-4000-8000-000000000001";
      await pipeline(
        Readable.from([fresh.map((key) => `${segmentId}\t${key}\t${runId}\n`).join("")]),
        client.query(copyFrom("COPY segment_member (segment_id, context_key, sync_run_id) FROM STDIN")),
      );
      return finish(client, segmentId, fresh.length);
    },
  },
  {
    name: "NOT EXISTS instead of ON CONFLICT, sorted (no outbox; needs a segment lock)",
    run: async ({ client, segmentId, keys }) => {
      await client.query("BEGIN");
      const result = await client.query(
        `INSERT INTO segment_member (segment_id, context_key, added_at)
         SELECT $1, k, now() FROM (SELECT DISTINCT k FROM json_array_elements_text($2::json) AS k) d
         WHERE NOT EXISTS (SELECT 1 FROM segment_member m WHERE m.segment_id = $1 AND m.context_key = d.k)
         ORDER BY k COLLATE "C"`,
        [segmentId, JSON.stringify(keys)],
      );
      return finish(client, segmentId, result.rowCount ?? 0);
    },
  },
];

async function main() {
  const { startEmbeddedPostgres } = await import("@/lib/server/postgres/start-embedded-postgres");
  const { applyMigrations } = await import("@/tooling/migrations/apply-migrations");
  const postgres = await startEmbeddedPostgres({
    dataDir: mkdtempSync(path.join(os.tmpdir(), "tributary-sql-pg-")),
    persistent: false,
  });
  try {
    await postgres.createDatabase("tributary");
    const url = postgres.urlFor("tributary");
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => undefined);
    await client.connect();
    const environment = await client.query<{ id: string }>(
      `WITH p AS (INSERT INTO project (key, name) VALUES ('p', 'p') RETURNING id)
       INSERT INTO environment (project_id, key, name, client_side_id)
       SELECT id, 'e', 'e', '000000000000000000000001' FROM p RETURNING id`,
    );
    const environmentId = environment.rows[0]?.id ?? "";
    const segment = await client.query<{ id: number }>(
      "INSERT INTO segment (environment_id, key, name, unbounded) VALUES ($1, 's', 's', true) RETURNING id",
      [environmentId],
    );
    const segmentId = segment.rows[0]?.id ?? 0;
    await client.query(
      `INSERT INTO store_integration (environment_id, integration_key, name, config) VALUES ($1, 'redis', 'r', '{}')`,
      [environmentId],
    );
    await client.query(
      `INSERT INTO segment_member (segment_id, context_key, added_at)
       SELECT $1, substr(md5(g::text) || md5((g * 7)::text), 1, 33), now() FROM generate_series(1, $2::int) g`,
      [segmentId, PRELOAD],
    );
    await client.query("VACUUM ANALYZE segment_member");
    await client.query(
      "CREATE TABLE outbox_external (LIKE membership_outbox INCLUDING ALL); ALTER TABLE outbox_external ALTER COLUMN context_keys SET STORAGE EXTERNAL",
    );
    await client.query("CHECKPOINT");

    const backend = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const backendPid = backend.rows[0]?.pid ?? 0;
    const totals = variants.map(() => ({ ms: 0, cpuMs: 0, pgCpuMs: 0, added: 0 }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, variant] of variants.entries()) {
        const keys = randomKeys(BATCH);
        const cpu = process.cpuUsage();
        const pgCpu = processCpuMs(backendPid);
        const started = performance.now();
        const added = await variant.run({ client, segmentId, environmentId, keys });
        const total = totals[index];
        if (!total) continue;
        total.ms += performance.now() - started;
        const used = process.cpuUsage(cpu);
        total.cpuMs += (used.user + used.system) / 1000;
        total.pgCpuMs += processCpuMs(backendPid) - pgCpu;
        total.added += added;
      }
    }
    process.stdout.write(
      `${ROUNDS} rounds of ${BATCH} new keys per variant into a segment of ${PRELOAD}+ members:\n`,
    );
    for (const [index, variant] of variants.entries()) {
      const total = totals[index];
      if (!total) continue;
      process.stdout.write(
        `  ${(total.ms / ROUNDS).toFixed(1).padStart(7)} ms/batch (PostgreSQL CPU ${(total.pgCpuMs / ROUNDS).toFixed(0).padStart(3)} ms, ` +
          `Node CPU ${(total.cpuMs / ROUNDS).toFixed(1).padStart(4)} ms) ` +
          `${String(Math.round(total.added / (total.ms / 1000))).padStart(7)} keys/s  ${variant.name}\n`,
      );
    }
    await client.end();
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
