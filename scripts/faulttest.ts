/**
 * `npm run faulttest [-- --keys 1000000]`: a partner load of 1,000,000 keys against the built app on a PostgreSQL this
 * script runs itself, with three faults along the way:
 *   (a) PostgreSQL stopped (fast shutdown) for 10 s, then started again: requests meanwhile must get 503 within 2 s, never
 *       hang and never 500;
 *   (b) the app killed with SIGKILL and started again;
 *   (c) SIGTERM to the app while requests are in flight: they must finish with 2xx before it exits.
 * Eight senders retry until acknowledged (honouring Retry-After); two more send every batch once only, so some batches end
 * unacknowledged. At the end every acknowledged batch must be fully present, every batch all or nothing (see
 * lib/verify-load.ts), every segment exact, and each segment's stored count equal to its rows.
 * Prints a table and writes bench/results/faulttest-<time>.json; exits non-zero when a check fails.
 */
import { rmSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import { isRunning, launchApp, webServerPids, type RunningApp } from "./lib/app-process";
import { mixedCohorts } from "./lib/load-keys";
import { runPartnerLoad, type RunningLoad } from "./lib/partner-load";
import { statusHistogram } from "./lib/partner-push-request";
import { startOwnPostgres, type OwnPostgres } from "./lib/own-postgres";
import { formatCount, log as logLine, numberArgument, printTable, writeResults } from "./lib/report";
import {
  faultFigures,
  IN_FLIGHT_MARGIN_MS,
  LARGE_BATCH,
  overallRows,
  type Timeline,
} from "./lib/fault-figures";
import { verifyLoad } from "./lib/verify-load";

const PORT = 3410;
const PG_PORT = 55410;
const DATA_DIR = ".data/faulttest";
const KEYS = numberArgument("keys", 1_000_000);
const KEY_TAG = "ft";
const OUTAGE_MS = 10_000;
/** lib/env.ts's default for TRIBUTARY_RATE_LIMIT_PER_10S (bench/support.ts raises it for benchmarks). */
const APP_DEFAULT_RATE_LIMIT = "3000";
const REQUEST_TIMEOUT_MS = 30_000;

const log = (message: string) => logLine("faulttest", message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let app: RunningApp | null = null;
let postgres: OwnPostgres | null = null;

/** Set when the load has finished: a fault still waiting for its moment then gives up. */
let loadFinished = false;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 600_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (loadFinished) throw new Error(`the load finished before ${what}`);
    if (performance.now() > until) throw new Error(`gave up waiting ${timeoutMs / 1000} s for ${what}`);
    await sleep(20);
  }
}

async function restartApp(databaseUrl: string): Promise<RunningApp> {
  // The data directory holds this script's PostgreSQL: keep it. The app's own default rate limit, not the bench's.
  return launchApp({
    port: PORT,
    dataDir: DATA_DIR,
    databaseUrl,
    keepDataDir: true,
    label: "app",
    env: { TRIBUTARY_RATE_LIMIT_PER_10S: APP_DEFAULT_RATE_LIMIT },
  });
}

async function runFaults(load: RunningLoad, databaseUrl: string, timeline: Timeline): Promise<void> {
  const { progress } = load;
  const ackedAtLeast = (fraction: number) => () => progress.ackedKeys >= KEYS * fraction;

  // (a) PostgreSQL goes away for 10 seconds.
  await waitFor(ackedAtLeast(0.15), "15% of the keys");
  log("(a) stopping PostgreSQL for 10 s…");
  const stopAt = performance.now();
  await postgres?.stop();
  const stoppedAt = performance.now();
  await sleep(Math.max(0, OUTAGE_MS - (stoppedAt - stopAt)));
  const startAt = performance.now();
  await postgres?.start();
  const startedAt = performance.now();
  timeline.outage = { stopAt, stoppedAt, startAt, startedAt };
  log(`(a) PostgreSQL back after ${((startedAt - stopAt) / 1000).toFixed(1)} s`);

  // (b) The app is killed outright, then started again.
  await waitFor(ackedAtLeast(0.4), "40% of the keys");
  const killed = app;
  if (!killed) throw new Error("no app to kill");
  const pids = webServerPids(killed);
  if (pids.length === 0) throw new Error("no web server process to kill");
  log(`(b) SIGKILL to the web server ${pids.join(", ")}…`);
  const killAt = performance.now();
  for (const pid of pids) process.kill(pid, "SIGKILL");
  await killed.exited;
  const killExitedAt = performance.now();
  app = await restartApp(databaseUrl);
  timeline.kill = { at: killAt, exitedAt: killExitedAt, readyAt: performance.now() };
  log(`(b) app serving again after ${((timeline.kill.readyAt - killAt) / 1000).toFixed(1)} s`);

  // (c) SIGTERM while requests are in flight: they finish, then the app exits. Besides whatever the senders have in
  // flight, three large pushes (several seconds of work each) are sure to be.
  await waitFor(ackedAtLeast(0.65), "65% of the keys");
  const large = [0, 1, 2].map((target) => load.sendExtraBatch(target, LARGE_BATCH));
  await Promise.all(large.map((push) => push.sent));
  await sleep(IN_FLIGHT_MARGIN_MS);
  const inFlightLongEnough = () =>
    [...progress.inFlight.values()].filter(
      (startedAt) => performance.now() - startedAt >= IN_FLIGHT_MARGIN_MS,
    ).length >= 3;
  await waitFor(inFlightLongEnough, "three requests in flight");
  const terminated = app;
  const serverPids = webServerPids(terminated);
  const inFlight = [...progress.inFlight.values()].filter(
    (startedAt) => performance.now() - startedAt >= IN_FLIGHT_MARGIN_MS,
  ).length;
  log(`(c) SIGTERM to the app with ${inFlight} requests in flight…`);
  const termAt = performance.now();
  terminated.process.kill("SIGTERM");
  let serverExitedAt = 0;
  while (serverPids.some(isRunning) && performance.now() - termAt < 60_000) await sleep(10);
  serverExitedAt = performance.now();
  await terminated.exited;
  const termExitedAt = performance.now();
  const largeAttempts = await Promise.all(large.map((push) => push.done));
  app = await restartApp(databaseUrl);
  timeline.term = {
    at: termAt,
    serverExitedAt,
    exitedAt: termExitedAt,
    readyAt: performance.now(),
    inFlight,
    large: largeAttempts.map((attempt) =>
      attempt
        ? { status: attempt.status, code: attempt.code, answeredAfterSigtermMs: attempt.endedAt - termAt }
        : null,
    ),
  };
  log(
    `(c) Next.js exited ${((serverExitedAt - termAt) / 1000).toFixed(1)} s after SIGTERM; serving again after ` +
      `${((timeline.term.readyAt - termAt) / 1000).toFixed(1)} s`,
  );
}

async function main() {
  log(`${formatCount(KEYS)} keys; faults: PostgreSQL down ${OUTAGE_MS / 1000} s, SIGKILL, SIGTERM`);
  rmSync(DATA_DIR, { recursive: true, force: true });
  postgres = await startOwnPostgres({ dataDir: `${DATA_DIR}/postgres`, port: PG_PORT });
  const databaseUrl = postgres.url;
  app = await restartApp(databaseUrl);

  process.env.DATABASE_URL = databaseUrl;
  const { createTestToken } = await import("@/tests/factories/tokens");
  const { disconnectDatabase } = await import("@/lib/server/db");
  const { value: token } = await createTestToken({ role: "writer" });
  await disconnectDatabase();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const environment = await db.query<{ client_side_id: string }>(
    "select e.client_side_id from environment e join project p on p.id = e.project_id where p.key = 'default' and e.key = 'production'",
  );
  await db.end();
  const clientSideId = environment.rows[0]?.client_side_id;
  if (!clientSideId) throw new Error("the seeded default/production environment is missing");

  const targets = mixedCohorts("fault", 8);
  const load = runPartnerLoad({
    base: `http://localhost:${PORT}`,
    token,
    clientSideId,
    targets,
    keyTag: KEY_TAG,
    totalKeys: KEYS,
    senders: 8,
    fireOnceSenders: 2,
    seed: 6,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    giveUpAfterMs: 180_000,
  });
  const timeline: Timeline = {};
  // A starved test driver would make a request look in flight before it reached the server: measure how starved.
  const eventLoopDelay = monitorEventLoopDelay({ resolution: 20 });
  eventLoopDelay.enable();
  const faults = runFaults(load, databaseUrl, timeline);
  const ticker = setInterval(
    () => log(`${formatCount(load.progress.ackedKeys)} / ${formatCount(KEYS)} keys acknowledged`),
    10_000,
  );
  // A fault step that fails must not leave the load running forever: report it once the load ends.
  const faultOutcome = faults.then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  const result = await load.done.finally(() => {
    clearInterval(ticker);
    loadFinished = true;
  });
  const faultError = await faultOutcome;
  log(`load done in ${result.seconds.toFixed(0)} s; checking in SQL…`);
  const check = await verifyLoad(databaseUrl, clientSideId, targets, KEY_TAG, result);

  eventLoopDelay.disable();
  const attempts = result.requests.map((request) => request.attempt);
  const figures = faultFigures(attempts, result, timeline);
  const failures = faultError ? [`fault step failed: ${faultError}`, ...figures.failures] : figures.failures;
  const rows = [...figures.rows, ...overallRows(attempts, result, check)];
  printTable(rows);
  if (check.batches.samples.length > 0) process.stdout.write(`\n${check.batches.samples.join("\n")}\n`);
  for (const failure of failures) process.stdout.write(`FAILED: ${failure}\n`);
  const file = writeResults("faulttest", {
    date: new Date().toISOString(),
    keys: KEYS,
    timelineMs: timeline,
    inFlightAtSigterm: figures.inFlightDetails,
    driverEventLoopDelayMaxMs: eventLoopDelay.max / 1e6,
    outage: figures.outage,
    statuses: statusHistogram(attempts),
    check,
    rows,
  });
  log(`figures written to ${file}`);
  if (failures.length > 0 || rows.some((row) => row.ok === false)) process.exitCode = 1;
}

async function cleanUp() {
  await app?.stop().catch(() => undefined);
  app = null;
  await postgres?.stop().catch(() => undefined);
  postgres = null;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `[faulttest] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => void cleanUp());
