/**
 * `npm run bench`: starts the built app on a fresh embedded PostgreSQL (the same path as `npm start`) and measures the sync
 * API over real HTTP against the raw COPY ceiling of the same database, then prints one table with the targets.
 */
import os from "node:os";
import { pathToFileURL } from "node:url";
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { benchResults, printAndWriteResults } from "./bench-results";
import { timeDashboard } from "./dashboard-timings";
import { copyCeiling } from "./database-steps";
import { keepAliveClient } from "./http-client";
import { ingestWithStore } from "./store-ingest";
import { timeLookups } from "./lookup-timings";
import { sustainedLoadWithSdkProbes } from "./sdk-latency";
import { randomKeys, startApp, stopApp } from "./support";
import { ingestTargets, resendUnchanged } from "./target-ingests";

// The helpers live in ./support and ./measure; re-exported so scripts that imported them from here keep working.
export * from "./support";
export * from "./measure";

const PORT = 3300;
const PG_PORT = 54339;
const DATA_DIR = ".data/bench";
const BASE = `http://localhost:${PORT}`;
const DATABASE_URL = `postgresql://tributary:tributary@127.0.0.1:${PG_PORT}/tributary`;
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const SENDERS = 4;
/** BENCH_INGEST_ONLY=1: the COPY ceiling and the two target ingests, then stop. */
const INGEST_ONLY = process.env.BENCH_INGEST_ONLY === "1";
const ADMIN_EMAIL = "bench@tributary.local";
const ADMIN_PASSWORD = "bench-password-1";

function log(message: string) {
  process.stdout.write(`[bench] ${message}\n`);
}

let runningApp: ChildProcess | null = null;

async function main() {
  const loadBefore = os.loadavg();
  const app = await startApp({
    port: PORT,
    pgPort: PG_PORT,
    dataDir: DATA_DIR,
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    log: (line) => process.stdout.write(`${line}\n`),
    // APP_NODE_OPTIONS: Node.js options for the app's processes only (e.g. --require of a profiler).
    env: { NODE_OPTIONS: process.env.APP_NODE_OPTIONS ?? "" },
  });
  runningApp = app;
  process.env.DATABASE_URL = DATABASE_URL;
  const { createTestToken } = await import("@/tests/factories/tokens");
  const { disconnectDatabase } = await import("@/lib/server/db");
  const { value: token } = await createTestToken({ role: "writer" });
  const db = new pg.Client({ connectionString: DATABASE_URL });
  db.on("error", () => undefined); // PostgreSQL stops with the app at the end
  await db.connect();
  const environments = await db.query<{ key: string; id: string; client_side_id: string }>(
    "select e.key, e.id, e.client_side_id from environment e join project p on p.id = e.project_id where p.key = 'default'",
  );
  const production = environments.rows.find((row) => row.key === "production");
  const test = environments.rows.find((row) => row.key === "test");
  if (!production || !test)
    throw new Error("the seeded default/production and default/test environments are missing");
  const clientSideId = production.client_side_id;

  // Requests go over node:http keep-alive sockets: fetch costs this client, which shares the 2 cores with the app and
  // PostgreSQL, several times more CPU per request.
  const client = keepAliveClient(BASE, { Authorization: token });
  const post = async (path: string, body: unknown): Promise<void> => {
    const answer = await client.post(path, body);
    if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${answer.body.toString()}`);
  };
  const postText = async (path: string, text: Buffer): Promise<void> => {
    const answer = await client.postText(path, text);
    if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${answer.body.toString()}`);
  };
  /**
   * Ingest bodies are serialized and encoded before the clock starts, as the COPY ceiling's keys are generated before its
   * clock: a partner's sender runs on its own machine, while this client shares the two cores with the app and PostgreSQL.
   */
  const serializedBatches = (count: number, body: (index: number) => unknown): Buffer[] =>
    Array.from({ length: count }, (_, index) => Buffer.from(JSON.stringify(body(index))));

  log(`generating ${MEMBERS} keys three times…`);
  const rudderKeys = randomKeys(MEMBERS);
  const amplitudeKeys = randomKeys(MEMBERS);
  const storeKeys = randomKeys(MEMBERS);

  log("raw COPY ceiling…");
  const ceilingBefore = await copyCeiling(db, rudderKeys);
  log(`  ${Math.round(ceilingBefore)} keys/s`);

  // 0-2. an untimed warm-up, then the two target ingests (rudderstack by 1,000, amplitude by 10,000); no store.
  const ingestSetup = {
    clientSideId,
    post,
    postText,
    serializedBatches,
    members: MEMBERS,
    senders: SENDERS,
    rudderKeys,
    amplitudeKeys,
    log,
  };
  const { rudder, amplitude } = await ingestTargets(ingestSetup);

  if (INGEST_ONLY) {
    // For iterating on the write path: the two target ingests and nothing else (no table, no results file).
    client.close();
    await db.end();
    await disconnectDatabase();
    await stopApp(app);
    return;
  }

  // 3. the same again into the other environment, which has a Redis store: the worker mirrors while the pushes come in,
  // probes measure the push → Redis mirror lag, and one client looks keys up in the first segment.
  const store = await ingestWithStore({
    db,
    client,
    post,
    postText,
    environment: test,
    storeKeys,
    rudderKeys,
    senders: SENDERS,
    serializedBatches,
    log,
  });
  const { withStore, duringIngest, lags, lost, drainMs, sample, missing, sdkDuringIngest } = store;

  // 3b. SDK-visible latency at a partner's sustained rate: LaunchDarkly's Node.js SDK reads the same Redis store.
  const sdkSustained = await sustainedLoadWithSdkProbes({
    sdk: store.sdk,
    clientSideId: test.client_side_id,
    postText,
    log,
  });

  // 3. re-send 100,000 members that are all present.
  const { resend, resendCount } = await resendUnchanged(ingestSetup);

  const counts = await db.query<{ key: string; included_count: number; actual: string }>(
    "select s.key, s.included_count, (select count(*) from segment_member m where m.segment_id = s.id) as actual from segment s where s.key in ('rudderstack-bench-rudder', 'amplitude-bench-amplitude', 'amplitude-bench-store')",
  );

  // 4. lookups and evaluate on the 1M-member segment once the outbox has drained (the store worker is idle) and
  // PostgreSQL has vacuumed and checkpointed the 3M rows just written (steady state; the lookups during the ingest above
  // are the busy case), and visibility right after a 204.
  const { lookup, lookupSingle, evaluate, visibilityChecks, invisible } = await timeLookups({
    db,
    base: BASE,
    token,
    clientSideId,
    amplitudeKeys,
    senders: SENDERS,
    post,
    log,
  });

  // 5. the dashboard at scale: 10,000 segments in the environment and the 1M-member segment.
  log("dashboard: seeding 10,000 segments and timing the list page and the Members tab…");
  const dashboard = await timeDashboard(
    db,
    BASE,
    { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    amplitudeKeys,
  );

  // 6. the ceiling again, at the end: the machine may be busier or quieter than at the start.
  log("raw COPY ceiling, again…");
  const ceilingAfter = await copyCeiling(db, rudderKeys);

  const results = benchResults({
    members: MEMBERS,
    senders: SENDERS,
    ceilingBefore,
    ceilingAfter,
    rudder,
    amplitude,
    withStore,
    resend,
    resendCount,
    lookup,
    lookupSingle,
    duringIngest,
    evaluate,
    lags,
    lost,
    drainMs,
    sdkDuringIngest,
    sdkSustained,
    sampleSize: sample.length,
    missing,
    visibilityChecks,
    invisible,
    dashboard,
    counts: counts.rows,
  });
  printAndWriteResults(results, loadBefore, MEMBERS);

  client.close();
  await store.close();
  await db.end();
  await disconnectDatabase();
  await stopApp(app);
}

// Only as a script: importing this module (for its helpers) runs nothing.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    // Stop the app too, or it outlives the benchmark and holds its port.
    runningApp?.kill("SIGTERM");
    process.exitCode = 1;
  });
}
