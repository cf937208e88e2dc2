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
import { isSuccess, statusHistogram, summarizeLatency, type Attempt } from "./lib/partner-push-request";
import { startOwnPostgres, type OwnPostgres } from "./lib/own-postgres";
import {
  formatCount,
  formatMs,
  log as logLine,
  numberArgument,
  printTable,
  writeResults,
  type ReportRow,
} from "./lib/report";
import { verifyLoad } from "./lib/verify-load";

const PORT = 3410;
const PG_PORT = 55410;
const DATA_DIR = ".data/faulttest";
const KEYS = numberArgument("keys", 1_000_000);
const KEY_TAG = "ft";
const OUTAGE_MS = 10_000;
/** A request that began this long before SIGTERM has surely reached the server. */
const IN_FLIGHT_MARGIN_MS = 300;
const QUICK_MS = 2_000;
/** lib/env.ts's default for TRIBUTARY_RATE_LIMIT_PER_10S (bench/support.ts raises it for benchmarks). */
const APP_DEFAULT_RATE_LIMIT = "3000";
const LARGE_BATCH = 50_000;
/** scripts/start.ts sends SIGKILL this long after SIGTERM if Next.js is still running. */
const START_KILL_AFTER_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

const log = (message: string) => logLine("faulttest", message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let app: RunningApp | null = null;
let postgres: OwnPostgres | null = null;

type Timeline = {
  outage?: { stopAt: number; stoppedAt: number; startAt: number; startedAt: number };
  kill?: { at: number; exitedAt: number; readyAt: number };
  term?: {
    at: number;
    serverExitedAt: number;
    exitedAt: number;
    readyAt: number;
    inFlight: number;
    large: ({ status: number | null; code?: string; answeredAfterSigtermMs: number } | null)[];
  };
};

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

type InFlightDetail = {
  keys: number;
  kind: string;
  startedBeforeSigtermMs: number;
  sentBeforeSigtermMs: number;
  answeredAfterSigtermMs: number;
  status: number | null;
  code?: string;
};

/** How long the answer took once the fault had begun: from the later of the request's start and the fault's start. */
const answerDelay = (attempt: Attempt, faultAt: number) =>
  attempt.endedAt - Math.max(attempt.startedAt, faultAt);

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
  let inFlightDetails: InFlightDetail[] = [];
  const rows: ReportRow[] = [];
  const outage = timeline.outage;
  const failures: string[] = faultError ? [`fault step failed: ${faultError}`] : [];

  // (a) Answers while PostgreSQL was stopping, stopped and starting.
  const outageFigures = outage
    ? (() => {
        const during = attempts.filter(
          (attempt) => attempt.endedAt >= outage.stopAt && attempt.startedAt <= outage.startedAt,
        );
        const fullyDown = during.filter(
          (attempt) => attempt.startedAt >= outage.stoppedAt && attempt.endedAt <= outage.startAt,
        );
        const failed = during.filter((attempt) => !isSuccess(attempt));
        const slowest = Math.max(0, ...failed.map((attempt) => answerDelay(attempt, outage.stopAt)));
        return {
          requests: during.length,
          statuses: statusHistogram(during),
          whileFullyDown: statusHistogram(fullyDown),
          unavailable: during.filter((attempt) => attempt.status === 503).length,
          slowestFailureMs: slowest,
          latencyWhileDown: summarizeLatency(fullyDown),
          wrong: during.filter(
            (attempt) =>
              !isSuccess(attempt) && !(attempt.status === 503 && attempt.code === "service_unavailable"),
          ).length,
        };
      })()
    : null;
  if (outageFigures) {
    rows.push(
      {
        measure: "(a) PostgreSQL down: requests answered",
        result: `${outageFigures.requests}: ${JSON.stringify(outageFigures.statuses)}`,
      },
      {
        measure: "(a) answers other than 2xx or 503 service_unavailable",
        result: String(outageFigures.wrong),
        target: "0",
        ok: outageFigures.wrong === 0 && outageFigures.unavailable > 0,
      },
      {
        measure: "(a) slowest 503 (from the later of request start and outage start)",
        result: formatMs(outageFigures.slowestFailureMs),
        target: "< 2,000 ms",
        ok: outageFigures.slowestFailureMs < QUICK_MS,
      },
      {
        measure: "(a) latency of requests sent while fully down",
        result: `${outageFigures.latencyWhileDown.count} requests, p50 ${formatMs(outageFigures.latencyWhileDown.p50)}, max ${formatMs(outageFigures.latencyWhileDown.max)}`,
      },
    );
  } else failures.push("the PostgreSQL outage did not happen");

  const kill = timeline.kill;
  if (kill) {
    const around = attempts.filter(
      (attempt) => attempt.endedAt >= kill.at && attempt.startedAt <= kill.readyAt,
    );
    rows.push(
      {
        measure: "(b) SIGKILL: answers until the app served again",
        result: `${around.length}: ${JSON.stringify(statusHistogram(around))}`,
      },
      { measure: "(b) restart time (npm start path)", result: formatMs(kill.readyAt - kill.exitedAt) },
    );
  } else failures.push("the SIGKILL did not happen");

  const term = timeline.term;
  if (term) {
    // In flight: the whole request had left this process a moment before SIGTERM, and the answer came after it. A request
    // started earlier but still unwritten (this driver's event loop was busy) could not have reached the server.
    const inFlight = attempts.filter(
      (attempt) =>
        attempt.bodySentAt !== undefined &&
        attempt.bodySentAt <= term.at - IN_FLIGHT_MARGIN_MS &&
        attempt.endedAt >= term.at,
    );
    const startedNotSent = attempts.filter(
      (attempt) =>
        attempt.startedAt <= term.at &&
        attempt.endedAt >= term.at &&
        !(attempt.bodySentAt !== undefined && attempt.bodySentAt <= term.at - IN_FLIGHT_MARGIN_MS),
    );
    const finishedWell = inFlight.filter(isSuccess).length;
    inFlightDetails = result.requests
      .filter((request) => inFlight.includes(request.attempt))
      .map((request) => ({
        keys: request.size,
        kind: request.kind,
        startedBeforeSigtermMs: Math.round(term.at - request.attempt.startedAt),
        sentBeforeSigtermMs: Math.round(term.at - (request.attempt.bodySentAt ?? term.at)),
        answeredAfterSigtermMs: Math.round(request.attempt.endedAt - term.at),
        status: request.attempt.status,
        code: request.attempt.code,
      }));
    for (const detail of inFlightDetails.filter((entry) => entry.status === null || entry.status >= 300))
      failures.push(`in flight at SIGTERM but not answered 2xx: ${JSON.stringify(detail)}`);
    const afterTerm = attempts.filter(
      (attempt) => attempt.startedAt > term.at && attempt.startedAt < term.readyAt,
    );
    rows.push(
      {
        measure: "(c) SIGTERM: requests in flight that finished 2xx",
        result: `${finishedWell} of ${inFlight.length} ${JSON.stringify(statusHistogram(inFlight))}`,
        target: "all, at least 1",
        ok: inFlight.length > 0 && finishedWell === inFlight.length,
      },
      {
        measure: "(c) requests started but not yet sent (or just sent) at SIGTERM",
        result: `${startedNotSent.length}: ${JSON.stringify(statusHistogram(startedNotSent))}`,
      },
      {
        measure: `(c) three ${formatCount(LARGE_BATCH)}-key pushes in flight: status, answered after SIGTERM`,
        result: term.large
          .map((entry) =>
            entry ? `${entry.status ?? entry.code} after ${formatMs(entry.answeredAfterSigtermMs)}` : "?",
          )
          .join(", "),
        target: "2xx",
        ok: term.large.every((entry) => entry !== null && entry.status !== null && entry.status < 300),
      },
      {
        // start.ts kills Next.js 15 s after SIGTERM: exiting before that means the drain finished by itself.
        measure: "(c) Next.js exit after SIGTERM / last in-flight answer",
        result: `${formatMs(term.serverExitedAt - term.at)} / ${formatMs(Math.max(0, ...inFlight.map((attempt) => attempt.endedAt - term.at)))}`,
        target: "< 15,000 ms (not killed)",
        ok: term.serverExitedAt - term.at < START_KILL_AFTER_MS - 500,
      },
      {
        measure: "(c) requests sent after SIGTERM until serving again",
        result: `${afterTerm.length}: ${JSON.stringify(statusHistogram(afterTerm))}`,
      },
    );
  } else failures.push("the SIGTERM did not happen");

  const serverErrors = attempts.filter((attempt) => attempt.status === 500).length;
  const hangs = attempts.filter((attempt) => attempt.timedOut).length;
  const unacknowledgedRetried = result.batches.filter((batch) => !batch.fireOnce && !batch.acked).length;
  rows.push(
    { measure: "requests, all", result: `${attempts.length}: ${JSON.stringify(statusHistogram(attempts))}` },
    {
      measure: "500 answers / hangs (no answer in 30 s)",
      result: `${serverErrors} / ${hangs}`,
      target: "0 / 0",
      ok: serverErrors === 0 && hangs === 0,
    },
    {
      measure: "retried batches never acknowledged",
      result: String(unacknowledgedRetried),
      target: "0",
      ok: unacknowledgedRetried === 0,
    },
    {
      measure: "send-once batches unacknowledged: applied whole / not at all",
      result: `${check.batches.unacknowledgedApplied} / ${check.batches.unacknowledgedNotApplied}`,
    },
    {
      measure: "batches partly applied / applied in pieces",
      result: `${check.batches.partial} / ${check.batches.split} (of ${check.batches.checkedForSplit} with a sync run id)`,
      target: "0 / 0",
      ok: check.batches.partial === 0 && check.batches.split === 0,
    },
    {
      measure: "acknowledged adds lost / acknowledged removals not applied",
      result: `${check.batches.lostAcknowledged} / ${check.batches.removalsNotApplied}`,
      target: "0 / 0",
      ok: check.batches.lostAcknowledged === 0 && check.batches.removalsNotApplied === 0,
    },
    ...check.segments.map((segment) => ({
      measure: `segment ${segment.segmentKey ?? segment.cohort}`,
      result: `${formatCount(segment.rows)} rows, count ${formatCount(segment.storedCount)}, missing ${segment.missing}, unexpected ${segment.unexpected}`,
      target: "exact",
      ok: segment.ok,
    })),
    { measure: "wall time of the load", result: `${result.seconds.toFixed(0)} s` },
  );
  printTable(rows);
  if (check.batches.samples.length > 0) process.stdout.write(`\n${check.batches.samples.join("\n")}\n`);
  for (const failure of failures) process.stdout.write(`FAILED: ${failure}\n`);
  const file = writeResults("faulttest", {
    date: new Date().toISOString(),
    keys: KEYS,
    timelineMs: timeline,
    inFlightAtSigterm: inFlightDetails,
    driverEventLoopDelayMaxMs: eventLoopDelay.max / 1e6,
    outage: outageFigures,
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
