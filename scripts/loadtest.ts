/**
 * `npm run loadtest [-- --keys 200000]`: the built app on a fresh embedded PostgreSQL (the path `npm start` takes), and 16
 * concurrent senders pushing 10,000,000 distinct keys (default) through the partner endpoint into 10 segments of all eight
 * integrations, in batches of 1,000 and 10,000, with 5% of requests removing an earlier batch and 5% re-sending one.
 * Senders honour 429's Retry-After; any other error counts. Afterwards every segment must hold exactly the expected keys
 * (compared in SQL) with a stored count equal to its rows, and the web server's peak RSS must stay under 1 GiB.
 * Prints a table and writes bench/results/loadtest-<time>.json; exits non-zero when a target is missed.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { descendantPids, launchApp, webServerPids, processMemory, type RunningApp } from "./lib/app-process";
import { mixedCohorts } from "./lib/load-keys";
import { runPartnerLoad, type LoadResult } from "./lib/partner-load";
import { isSuccess, statusHistogram, summarizeLatency } from "./lib/partner-push-request";
import {
  formatCount,
  formatMiB,
  formatMs,
  log as logLine,
  numberArgument,
  printTable,
  writeResults,
  type ReportRow,
} from "./lib/report";
import { verifyLoad } from "./lib/verify-load";

const PORT = 3401;
const PG_PORT = 55401;
const DATA_DIR = ".data/loadtest";
const DATABASE_URL = `postgresql://tributary:tributary@127.0.0.1:${PG_PORT}/tributary`;
const KEYS = numberArgument("keys", 10_000_000);
const SENDERS = numberArgument("senders", 16);
const SEGMENTS = 10;
const KEY_TAG = "lt";
const RSS_LIMIT = 1024 * 1024 * 1024;

const log = (message: string) => logLine("loadtest", message);

let app: RunningApp | null = null;

function isStoreWorker(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("store-worker");
  } catch {
    return false;
  }
}

/** Watches the web server's resident memory while the load runs; the kernel's VmHWM gives the exact peak. */
function watchMemory(running: RunningApp) {
  let peakSampled = 0;
  const peaks = new Map<number, number>();
  /** The store worker's process under the start script, for information. */
  const otherPeaks = new Map<number, number>();
  const sample = () => {
    const servers = webServerPids(running);
    for (const pid of servers) {
      peakSampled = Math.max(peakSampled, processMemory(pid, "VmRSS") ?? 0);
      const peak = processMemory(pid, "VmHWM");
      if (peak !== null) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peak));
    }
    for (const pid of descendantPids(running.process.pid ?? 0)) {
      const peak = isStoreWorker(pid) ? processMemory(pid, "VmHWM") : null;
      if (peak !== null) otherPeaks.set(pid, Math.max(otherPeaks.get(pid) ?? 0, peak));
    }
  };
  const timer = setInterval(sample, 1_000);
  sample();
  return {
    current: () => webServerPids(running).reduce((sum, pid) => sum + (processMemory(pid, "VmRSS") ?? 0), 0),
    stop: () => {
      sample();
      clearInterval(timer);
      return {
        peakSampled,
        vmHwmByPid: Object.fromEntries(peaks),
        storeWorkerVmHwmByPid: Object.fromEntries(otherPeaks),
      };
    },
  };
}

async function main() {
  log(`${formatCount(KEYS)} keys, ${SENDERS} senders, ${SEGMENTS} segments`);
  // The app's own default rate limit (bench/support.ts raises it for benchmarks): 429s are part of the test.
  app = await launchApp({
    port: PORT,
    dataDir: DATA_DIR,
    pgPort: PG_PORT,
    label: "app",
    env: { TRIBUTARY_RATE_LIMIT_PER_10S: "3000" },
  });
  const running = app;
  const serverPids = webServerPids(running);
  if (serverPids.length === 0) throw new Error("no web server process found under the app");

  process.env.DATABASE_URL = DATABASE_URL;
  const { createTestToken } = await import("@/tests/factories/tokens");
  const { disconnectDatabase } = await import("@/lib/server/db");
  const { value: token } = await createTestToken({ role: "writer" });
  await disconnectDatabase();
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const environment = await db.query<{ client_side_id: string }>(
    "select e.client_side_id from environment e join project p on p.id = e.project_id where p.key = 'default' and e.key = 'production'",
  );
  await db.end();
  const clientSideId = environment.rows[0]?.client_side_id;
  if (!clientSideId) throw new Error("the seeded default/production environment is missing");

  const targets = mixedCohorts("load", SEGMENTS);
  const memory = watchMemory(running);
  const load = runPartnerLoad({
    base: running.url,
    token,
    clientSideId,
    targets,
    keyTag: KEY_TAG,
    totalKeys: KEYS,
    senders: SENDERS,
    seed: 20261125,
  });
  const started = performance.now();
  const ticker = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    log(
      `${formatCount(load.progress.ackedKeys)} / ${formatCount(KEYS)} keys acknowledged ` +
        `(${formatCount(load.progress.ackedKeys / seconds)}/s), app RSS ${formatMiB(memory.current())}`,
    );
  }, 15_000);
  const result = await load.done.finally(() => clearInterval(ticker));
  const rss = memory.stop();
  log(`load done in ${result.seconds.toFixed(0)} s; checking every segment in SQL…`);

  const check = await verifyLoad(DATABASE_URL, clientSideId, targets, KEY_TAG, result);
  log(`checked in ${check.seconds.toFixed(0)} s`);
  await running.stop();
  app = null;

  const figures = summarize(result, rss);
  const rows: ReportRow[] = [
    { measure: "distinct keys pushed", result: formatCount(KEYS) },
    {
      measure: "requests (add / remove / re-send)",
      result: `${formatCount(figures.requests.add)} / ${formatCount(figures.requests.remove)} / ${formatCount(figures.requests.resend)}`,
    },
    { measure: "wall time", result: `${result.seconds.toFixed(0)} s` },
    {
      measure: "throughput, distinct keys",
      result: `${formatCount(KEYS / result.seconds)} keys/s`,
    },
    {
      measure: "throughput, all member entries (adds, removes, re-sends)",
      result: `${formatCount(figures.memberEntries / result.seconds)} members/s, ${(figures.successfulRequests / result.seconds).toFixed(1)} req/s`,
    },
    {
      measure: "latency, all requests",
      result: `p50 ${formatMs(figures.latency.all.p50)}, p99 ${formatMs(figures.latency.all.p99)}, max ${formatMs(figures.latency.all.max)}`,
    },
    {
      measure: "latency, 1,000-key batches",
      result: `p50 ${formatMs(figures.latency.small.p50)}, p99 ${formatMs(figures.latency.small.p99)}, max ${formatMs(figures.latency.small.max)}`,
    },
    {
      measure: "latency, 10,000-key batches",
      result: `p50 ${formatMs(figures.latency.large.p50)}, p99 ${formatMs(figures.latency.large.p99)}, max ${formatMs(figures.latency.large.max)}`,
    },
    { measure: "429 answers (retried after Retry-After)", result: formatCount(figures.rateLimited) },
    {
      measure: "errors (anything else but 2xx)",
      result: `${formatCount(figures.errors)}${figures.errors > 0 ? ` ${JSON.stringify(figures.statuses)}` : ""}`,
      target: "0",
      ok: figures.errors === 0 && result.givenUp === 0,
    },
    {
      measure: "web server peak RSS (VmHWM)",
      result: formatMiB(figures.peakRss),
      target: "< 1 GiB",
      ok: figures.peakRss > 0 && figures.peakRss < RSS_LIMIT,
    },
    {
      measure: "store worker process peak RSS (VmHWM)",
      result: formatMiB(Math.max(0, ...Object.values(rss.storeWorkerVmHwmByPid))),
    },
    ...check.segments.map((segment) => ({
      measure: `segment ${segment.segmentKey ?? segment.cohort}`,
      result: `${formatCount(segment.rows)} rows, count ${formatCount(segment.storedCount)}, expected ${formatCount(segment.expected)}, missing ${segment.missing}, unexpected ${segment.unexpected}`,
      target: "exact",
      ok: segment.ok,
    })),
    {
      measure: "batches partly applied / applied in pieces / acknowledged but lost",
      result: `${check.batches.partial} / ${check.batches.split} (of ${check.batches.checkedForSplit} with a sync run id) / ${check.batches.lostAcknowledged + check.batches.removalsNotApplied}`,
      target: "0 / 0 / 0",
      ok:
        check.batches.partial +
          check.batches.split +
          check.batches.lostAcknowledged +
          check.batches.removalsNotApplied ===
        0,
    },
    { measure: "SQL check time", result: `${check.seconds.toFixed(0)} s` },
  ];
  printTable(rows);
  if (check.batches.samples.length > 0) process.stdout.write(`\n${check.batches.samples.join("\n")}\n`);
  const file = writeResults("loadtest", {
    date: new Date().toISOString(),
    keys: KEYS,
    senders: SENDERS,
    segments: SEGMENTS,
    seconds: result.seconds,
    figures,
    check,
    rows,
  });
  log(`figures written to ${file}`);
  if (rows.some((row) => row.ok === false)) process.exitCode = 1;
}

function summarize(
  result: LoadResult,
  rss: {
    peakSampled: number;
    vmHwmByPid: Record<string, number>;
    storeWorkerVmHwmByPid: Record<string, number>;
  },
) {
  const attempts = result.requests.map((request) => request.attempt);
  const successful = result.requests.filter((request) => isSuccess(request.attempt));
  const rateLimited = attempts.filter((attempt) => attempt.status === 429).length;
  const errors = attempts.filter((attempt) => !isSuccess(attempt) && attempt.status !== 429).length;
  const count = (kind: string) => result.requests.filter((request) => request.kind === kind).length;
  return {
    requests: { add: count("add"), remove: count("remove"), resend: count("resend"), total: attempts.length },
    successfulRequests: successful.length,
    memberEntries: successful.reduce((sum, request) => sum + request.size, 0),
    latency: {
      all: summarizeLatency(successful.map((request) => request.attempt)),
      small: summarizeLatency(
        successful.filter((request) => request.size <= 1_000).map((request) => request.attempt),
      ),
      large: summarizeLatency(
        successful.filter((request) => request.size > 1_000).map((request) => request.attempt),
      ),
    },
    statuses: statusHistogram(attempts),
    rateLimited,
    errors,
    givenUp: result.givenUp,
    peakRss: Math.max(0, ...Object.values(rss.vmHwmByPid)),
    rss,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[loadtest] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
  void app?.stop();
});
