/**
 * `npm run test:multi`: two `next start` processes of one build (ports 3420 and 3421, no shared memory) on one PostgreSQL
 * that this script runs, and two proofs that PostgreSQL is all they share and all they need:
 *   (a) rate limits are shared: with a limit of 30 requests per 10 s, requests alternating between the instances get
 *       exactly 30 answers before the 429s begin (not 60), and the remaining budget counts down across both;
 *   (b) concurrent pushes to one segment from both instances (8 senders, overlapping adds, overlapping removes) end with
 *       exactly the expected members, a stored count equal to the rows, and both instances reporting that count; then
 *       pushes that add and remove the same keys at once keep the count equal to the rows, and a settling push makes the
 *       whole set exact again.
 * Exits non-zero on any mismatch.
 */
import { rmSync } from "node:fs";
import pg from "pg";
import { launchApp, type RunningApp } from "./lib/app-process";
import { checkConcurrentPushes } from "./lib/multi-instance-pushes";
import { startOwnPostgres, type OwnPostgres } from "./lib/own-postgres";
import { log as logLine, printTable, writeResults, type ReportRow } from "./lib/report";

const PORTS = [3420, 3421] as const;
const PG_PORT = 55420;
const DATA_DIR = ".data/multi";
const RATE_LIMIT = 30;

const log = (message: string) => logLine("multi", message);

let instances: RunningApp[] = [];
let postgres: OwnPostgres | null = null;

async function createToken(): Promise<string> {
  const { createTestToken } = await import("@/tests/factories/tokens");
  return (await createTestToken({ role: "writer" })).value;
}

/**
 * (a) Alternating requests against both instances with one fresh token: one budget of RATE_LIMIT, counted down by both.
 * The limiter's window starts at a token's first request and lasts 10 s; on a machine so busy that the requests take
 * longer than that, the count spans two windows, so the round is repeated with a new token (at most three rounds).
 */
async function checkSharedRateLimit(): Promise<ReportRow[]> {
  // Warm both instances up (first requests compile and connect) with a token of their own.
  const warmUpToken = await createToken();
  for (let index = 0; index < 10; index++) {
    const response = await fetch(`${instances[index % 2]?.url}/api/v2/projects`, {
      headers: { Authorization: warmUpToken },
    });
    await response.arrayBuffer();
  }
  let rows: ReportRow[] = [];
  for (let round = 1; round <= 3; round++) {
    const { rows: roundRows, inOneWindow } = await rateLimitRound(await createToken());
    rows = roundRows;
    if (inOneWindow) {
      if (round > 1)
        rows.push({ measure: "(a) rounds needed to fit one 10 s window", result: String(round) });
      break;
    }
    log(`rate-limit round ${round} took longer than one 10 s window; again with a new token`);
  }
  return rows;
}

async function rateLimitRound(token: string): Promise<{ rows: ReportRow[]; inOneWindow: boolean }> {
  const answers: { instance: number; status: number; remaining: number; retryAfter: string | null }[] = [];
  const started = performance.now();
  for (let index = 0; index < RATE_LIMIT * 2 + 10; index++) {
    const instance = index % 2;
    const response = await fetch(`${instances[instance]?.url}/api/v2/projects`, {
      headers: { Authorization: token },
    });
    await response.arrayBuffer();
    answers.push({
      instance,
      status: response.status,
      remaining: Number(response.headers.get("x-ratelimit-route-remaining")),
      retryAfter: response.headers.get("retry-after"),
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const allowed = answers.filter((answer) => answer.status === 200);
  const limited = answers.filter((answer) => answer.status === 429);
  const firstLimited = answers.findIndex((answer) => answer.status === 429);
  const countdownExact = allowed.every((answer, index) => answer.remaining === RATE_LIMIT - 1 - index);
  const bothLimited = [0, 1].every((instance) => limited.some((answer) => answer.instance === instance));
  const bothAllowed = [0, 1].every((instance) => allowed.some((answer) => answer.instance === instance));
  const retryAfterOnAll = limited.every(
    (answer) => answer.retryAfter !== null && Number(answer.retryAfter) >= 1,
  );
  const inOneWindow = seconds < 10;
  const rows: ReportRow[] = [
    {
      measure: `(a) ${answers.length} requests alternating between the instances, limit ${RATE_LIMIT}/10 s`,
      result: `${allowed.length} allowed, ${limited.length} answered 429 (first at request ${firstLimited + 1}), in ${seconds.toFixed(1)} s`,
      target: `${RATE_LIMIT} allowed, not ${RATE_LIMIT * 2}`,
      ok: inOneWindow && allowed.length === RATE_LIMIT && firstLimited === RATE_LIMIT,
    },
    {
      measure: "(a) both instances served and both refused; remaining budget counts down across them",
      result: `served by both: ${bothAllowed}, 429 from both: ${bothLimited}, countdown ${RATE_LIMIT - 1}…0 exact: ${countdownExact}`,
      target: "true, true, true",
      ok: bothAllowed && bothLimited && countdownExact,
    },
    {
      measure: "(a) every 429 carries Retry-After",
      result: String(retryAfterOnAll),
      target: "true",
      ok: retryAfterOnAll,
    },
  ];
  return { rows, inOneWindow };
}

async function main() {
  const started = performance.now();
  rmSync(DATA_DIR, { recursive: true, force: true });
  postgres = await startOwnPostgres({ dataDir: `${DATA_DIR}/postgres`, port: PG_PORT });
  const databaseUrl = postgres.url;
  // One after the other: the first applies the migrations and the seed, the second finds them done. Same data dir, so
  // both sign sessions with the same generated secret.
  for (const [index, port] of PORTS.entries()) {
    instances.push(
      await launchApp({
        port,
        dataDir: DATA_DIR,
        databaseUrl,
        keepDataDir: true,
        label: `instance ${"AB"[index]}`,
        env: { TRIBUTARY_RATE_LIMIT_PER_10S: String(RATE_LIMIT) },
      }),
    );
  }
  const startedInstances = performance.now();
  log(`two instances up after ${((startedInstances - started) / 1000).toFixed(1)} s`);

  process.env.DATABASE_URL = databaseUrl;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const environment = await db.query<{ client_side_id: string }>(
    "select e.client_side_id from environment e join project p on p.id = e.project_id where p.key = 'default' and e.key = 'production'",
  );
  await db.end();
  const clientSideId = environment.rows[0]?.client_side_id;
  if (!clientSideId) throw new Error("the seeded default/production environment is missing");

  const rows = [
    ...(await checkSharedRateLimit()),
    ...(await checkConcurrentPushes({
      databaseUrl,
      clientSideId,
      instances: instances.map((instance) => instance.url),
      createToken,
    })),
  ];
  const seconds = (performance.now() - started) / 1000;
  rows.push({
    measure: "time: instances up / whole test",
    result: `${((startedInstances - started) / 1000).toFixed(1)} s / ${seconds.toFixed(1)} s`,
  });
  printTable(rows);
  const file = writeResults("multi-instance", { date: new Date().toISOString(), seconds, rows });
  log(`figures written to ${file}`);
  const failed = rows.filter((row) => row.ok === false);
  if (failed.length > 0) {
    process.stdout.write(`FAILED: ${failed.map((row) => row.measure).join("; ")}\n`);
    process.exitCode = 1;
  } else log("passed");
}

async function cleanUp() {
  const { disconnectDatabase } = await import("@/lib/server/db");
  await disconnectDatabase().catch(() => undefined);
  await Promise.all(instances.map((instance) => instance.stop().catch(() => undefined)));
  instances = [];
  await postgres?.stop().catch(() => undefined);
  postgres = null;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `[multi] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => void cleanUp());
