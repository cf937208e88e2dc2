/**
 * In-process profile of the partner endpoint on a large segment: starts an embedded PostgreSQL of its own, preloads one
 * segment, then calls the route handler (no HTTP) with batches of new keys and prints wall time per push and where the
 * SQL time went. Run with `node --cpu-prof` to see the Node.js side:
 *
 *   node --experimental-wasm-modules --conditions=react-server --import tsx [--cpu-prof --cpu-prof-dir=/tmp/prof] \
 *     bench/profile-push.ts [--preload=1000000] [--batches=20] [--batch=10000] [--store] [--integration=amplitude]
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { randomKeys } from "./keys";
import { runConcurrently } from "./measure";
import { partnerAddBody } from "./partner-body";
import { processTree } from "./process-cpu";

function option(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return raw ? Number(raw.split("=")[1]) : fallback;
}
function textOption(name: string, fallback: string): string {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return raw ? (raw.split("=")[1] ?? fallback) : fallback;
}

const PRELOAD = option("preload", 1_000_000);
const BATCHES = option("batches", 20);
const BATCH = option("batch", 10_000);
const WITH_STORE = process.argv.includes("--store");
const INTEGRATION = textOption("integration", "amplitude");
const SENDERS = option("senders", 1);

/** CPU time (ms) per process title of the processes whose command line contains `needle` and of their children. */
function processTreeCpu(needle: string): Map<string, number> {
  const byTitle = new Map<string, number>();
  for (const entry of processTree(needle)) {
    // "postgres: tributary tributary 127.0.0.1(51234) idle" → "postgres: tributary tributary": all backends together.
    const title = entry.cmdline.split("\u0000")[0]?.replace(/ 127\.0\.0\.1.*$/, "") ?? "";
    byTitle.set(title, (byTitle.get(title) ?? 0) + entry.cpuMs);
  }
  return byTitle;
}

function total(cpu: Map<string, number>): number {
  return [...cpu.values()].reduce((sum, ms) => sum + ms, 0);
}

type SqlTiming = { count: number; ms: number };
const sqlTimings = new Map<string, SqlTiming>();

/** Times every query of every pg client by the first words of its SQL. */
function instrumentPg() {
  const original: (this: pg.Client, ...args: unknown[]) => unknown = Reflect.get(
    pg.Client.prototype,
    "query",
  );
  pg.Client.prototype.query = function timedQuery(this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const text =
      typeof first === "string"
        ? first
        : typeof first === "object" && first !== null && "text" in first
          ? String(first.text)
          : "";
    const label = text.replace(/\s+/g, " ").trim().slice(0, 60);
    const started = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      return result.finally(() => {
        const timing = sqlTimings.get(label) ?? { count: 0, ms: 0 };
        timing.count++;
        timing.ms += performance.now() - started;
        sqlTimings.set(label, timing);
      });
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

type WalStats = { records: number; fpi: number; bytes: number };

async function walStats(): Promise<WalStats> {
  const { pgPool } = await import("@/lib/server/db");
  const result = await pgPool().query<WalStats>(
    "select wal_records::float8 as records, wal_fpi::float8 as fpi, wal_bytes::float8 as bytes from pg_stat_wal",
  );
  return result.rows[0] ?? { records: 0, fpi: 0, bytes: 0 };
}

async function main() {
  const { startEmbeddedPostgres } = await import("@/lib/server/postgres/start-embedded-postgres");
  const { applyMigrations } = await import("@/tooling/migrations/apply-migrations");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tributary-profile-pg-"));
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    await postgres.createDatabase("tributary");
    const url = postgres.urlFor("tributary");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET = "profile-secret-0123456789abcdef";
    process.env.TRIBUTARY_LOG_LEVEL = "error";
    process.env.TRIBUTARY_RATE_LIMIT_PER_10S = "10000000";

    const { createTestProject } = await import("@/tests/factories/projects");
    const { createTestToken } = await import("@/tests/factories/tokens");
    const { NextRequest } = await import("next/server");
    const { POST } = await import("@/app/api/v2/segment-targets/[integrationKey]/route");
    const { disconnectDatabase, pgPool } = await import("@/lib/server/db");

    const { production } = await createTestProject();
    const { value: token } = await createTestToken({ role: "writer" });
    if (WITH_STORE) {
      await pgPool().query(
        `insert into store_integration (environment_id, integration_key, name, "on", config) values ($1, 'redis', 'profile', true, $2::jsonb)`,
        [production.id, JSON.stringify({ host: "127.0.0.1", port: 1, prefix: "profile" })],
      );
    }

    const body = (keys: string[]) =>
      partnerAddBody(INTEGRATION, production.clientSideId, "profile", keys, "Profile");
    const push = async (text: string) => {
      const request = new NextRequest(new URL(`http://localhost/api/v2/segment-targets/${INTEGRATION}`), {
        method: "POST",
        headers: { authorization: token, "content-type": "application/json" },
        body: text,
      });
      const response = await POST(request, { params: Promise.resolve({ integrationKey: INTEGRATION }) });
      if (response.status >= 300)
        throw new Error(`push answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };

    await push(JSON.stringify(body(["first"])));
    const segment = await pgPool().query<{ id: number }>(
      "select id from segment where environment_id = $1 and external_cohort_id = 'profile'",
      [production.id],
    );
    const segmentId = segment.rows[0]?.id;
    if (segmentId === undefined) throw new Error("the first push created no segment");
    if (PRELOAD > 0) {
      process.stdout.write(`preloading ${PRELOAD} members…\n`);
      await pgPool().query(
        `insert into segment_member (segment_id, context_key, added_at)
         select $1, substr(md5(g::text) || md5((g * 7)::text), 1, 33), now() from generate_series(1, $2::int) g
         on conflict do nothing`,
        [segmentId, PRELOAD],
      );
      await pgPool().query(
        "update segment set included_count = (select count(*) from segment_member where segment_id = $1) where id = $1",
        [segmentId],
      );
      await pgPool().query("vacuum analyze segment_member");
    }

    const bodies = Array.from({ length: BATCHES + 2 }, () => JSON.stringify(body(randomKeys(BATCH))));
    // Two warm-up pushes, not counted.
    await push(bodies[0] ?? "");
    await push(bodies[1] ?? "");
    const walBefore = await walStats();
    instrumentPg();
    const cpuStarted = process.cpuUsage();
    const pgCpuStarted = processTreeCpu(dataDir);
    const timed = bodies.slice(2);
    const pushes = await runConcurrently(timed.length, SENDERS, (index) => push(timed[index] ?? ""));
    const totalMs = pushes.seconds * 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const pgCpuEnded = processTreeCpu(dataDir);
    const pgCpuMs = total(pgCpuEnded) - total(pgCpuStarted);
    const walAfter = await walStats();
    const sqlMs = [...sqlTimings.values()].reduce((sum, timing) => sum + timing.ms, 0);
    process.stdout.write(
      `${BATCHES} pushes of ${BATCH} (${INTEGRATION}${WITH_STORE ? ", store on" : ""}) onto ${PRELOAD} members: ` +
        `${SENDERS} sender(s), p50 ${pushes.p50.toFixed(1)} ms, p99 ${pushes.p99.toFixed(1)} ms, ` +
        `${Math.round((BATCHES * BATCH) / (totalMs / 1000))} members/s; ` +
        `Node CPU ${((cpu.user + cpu.system) / 1000 / BATCHES).toFixed(1)} ms/push, ` +
        `PostgreSQL CPU ${(pgCpuMs / BATCHES).toFixed(1)} ms/push; ` +
        `SQL wall ${(sqlMs / BATCHES).toFixed(1)} ms/push\n`,
    );
    process.stdout.write(
      `  WAL per push: ${((walAfter.records - walBefore.records) / BATCHES).toFixed(0)} records, ` +
        `${((walAfter.fpi - walBefore.fpi) / BATCHES).toFixed(1)} full-page images, ` +
        `${((walAfter.bytes - walBefore.bytes) / BATCHES / 1024).toFixed(0)} KiB (backends report WAL at most once a second: a run of a few seconds undercounts)\n`,
    );
    for (const [title, ms] of pgCpuEnded) {
      const used = ms - (pgCpuStarted.get(title) ?? 0);
      if (used > 0)
        process.stdout.write(
          `  PostgreSQL CPU ${(used / BATCHES).toFixed(1).padStart(7)} ms/push  ${title}\n`,
        );
    }
    const rows = [...sqlTimings.entries()].sort((a, b) => b[1].ms - a[1].ms);
    for (const [label, timing] of rows.slice(0, 15)) {
      process.stdout.write(
        `  ${(timing.ms / BATCHES).toFixed(2).padStart(8)} ms/push  x${String(timing.count / BATCHES).padEnd(4)} ${label}\n`,
      );
    }
    const pooled = await pgPool().connect();
    const plans = await pooled.query<{ name: string; generic_plans: string; custom_plans: string }>(
      "select name, generic_plans, custom_plans from pg_prepared_statements order by name",
    );
    pooled.release();
    for (const plan of plans.rows) {
      process.stdout.write(
        `  plans on one connection: ${plan.generic_plans} generic, ${plan.custom_plans} custom  ${plan.name}\n`,
      );
    }
    await disconnectDatabase();
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
