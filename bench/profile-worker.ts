/**
 * Store worker throughput, in-process: starts an embedded PostgreSQL and a Redis of its own, writes `--batches` pushes of
 * `--batch` new keys through the membership engine with a store enabled (so the outbox fills), then drains it into Redis
 * and reports wall time and the CPU time of this process, the PostgreSQL backends and Redis per 10,000 keys.
 *
 *   node --experimental-wasm-modules --conditions=react-server --import tsx bench/profile-worker.ts [--batches=50] [--batch=10000]
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { startRedis } from "@/tests/support/start-redis";
import { randomKeys } from "./keys";
import { processTree } from "./process-cpu";

function option(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return raw ? Number(raw.split("=")[1]) : fallback;
}

const BATCHES = option("batches", 50);
const BATCH = option("batch", 10_000);

/** CPU time of the processes whose command line contains `needle`, and of their children (PostgreSQL's backends). */
function cpuMsMatching(needle: string): number {
  return processTree(needle).reduce((total, entry) => total + entry.cpuMs, 0);
}

async function main() {
  const { startEmbeddedPostgres } = await import("@/lib/server/postgres/start-embedded-postgres");
  const { applyMigrations } = await import("@/tooling/migrations/apply-migrations");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tributary-worker-pg-"));
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
  const redisServer = await startRedis();
  try {
    await postgres.createDatabase("tributary");
    const url = postgres.urlFor("tributary");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    process.env.TRIBUTARY_LOG_LEVEL = "error";
    const { createTestProject } = await import("@/tests/factories/projects");
    const { createTestSegment } = await import("@/tests/factories/segments");
    const { pushContextChanges } = await import("@/lib/server/membership/push-context-changes");
    const { getMembershipSegmentOrThrow } =
      await import("@/lib/server/membership/get-membership-segment-or-throw");
    const { newStoreWorkerState, runStoreWorkerPass } =
      await import("@/lib/server/stores/run-store-worker-pass");
    const { disconnectDatabase, pgPool } = await import("@/lib/server/db");

    const { project, production } = await createTestProject();
    await createTestSegment(production, { key: "worker" });
    const segment = await getMembershipSegmentOrThrow(project.key, production.key, "worker");
    await pgPool().query(
      `insert into store_integration (environment_id, integration_key, name, config)
       values ($1, 'redis', 'bench', $2::jsonb)`,
      [production.id, JSON.stringify({ host: "127.0.0.1", port: redisServer.port, prefix: "bench" })],
    );
    const state = newStoreWorkerState();
    await runStoreWorkerPass(state); // the first pass rebuilds the new (empty) store

    process.stdout.write(`writing ${BATCHES} pushes of ${BATCH} keys…\n`);
    const keys = randomKeys(BATCHES * BATCH);
    for (let batch = 0; batch < BATCHES; batch++) {
      await pushContextChanges({
        segment,
        principal: null,
        change: { included: { add: keys.slice(batch * BATCH, (batch + 1) * BATCH) } },
        source: "contexts",
      });
    }

    const pgBefore = cpuMsMatching(dataDir);
    const redisBefore = cpuMsMatching(`127.0.0.1:${redisServer.port}`);
    const nodeBefore = process.cpuUsage();
    const started = performance.now();
    let passes = 0;
    for (;;) {
      passes++;
      const applied = await runStoreWorkerPass(state);
      if (!applied) break;
    }
    const wallMs = performance.now() - started;
    const node = process.cpuUsage(nodeBefore);
    const per10k = (ms: number) => ((ms / (BATCHES * BATCH)) * 10_000).toFixed(1);
    const pgMs = cpuMsMatching(dataDir) - pgBefore;
    const redisMs = cpuMsMatching(`127.0.0.1:${redisServer.port}`) - redisBefore;
    process.stdout.write(
      `drained ${BATCHES * BATCH} keys in ${(wallMs / 1000).toFixed(1)} s (${passes} passes, ` +
        `${Math.round((BATCHES * BATCH) / (wallMs / 1000))} keys/s); per 10,000 keys: wall ${per10k(wallMs)} ms, ` +
        `worker CPU ${per10k((node.user + node.system) / 1000)} ms, PostgreSQL CPU ${per10k(pgMs)} ms, ` +
        `Redis CPU ${per10k(redisMs)} ms\n`,
    );

    const redis = new Redis({ host: "127.0.0.1", port: redisServer.port });
    const { includeSetKey } = await import("@/lib/server/stores/big-segment-keys");
    const sample = keys.filter((_, index) => index % 9973 === 0);
    const present = await Promise.all(
      sample.map((key) => redis.sismember(includeSetKey("bench", key), "worker.g1")),
    );
    process.stdout.write(
      `sample check: ${present.filter((value) => value === 1).length}/${sample.length} in Redis\n`,
    );
    redis.disconnect();
    for (const { redis: connection } of state.connections.values()) connection.disconnect();
    await disconnectDatabase();
  } finally {
    await redisServer.stop();
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
