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
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { launchApp, type RunningApp } from "./lib/app-process";
import { contextKey } from "./lib/load-keys";
import { isSuccess, postPartnerPush, statusHistogram, type Attempt } from "./lib/partner-push-request";
import { startOwnPostgres, type OwnPostgres } from "./lib/own-postgres";
import { formatCount, log as logLine, printTable, writeResults, type ReportRow } from "./lib/report";

const PORTS = [3420, 3421] as const;
const PG_PORT = 55420;
const DATA_DIR = ".data/multi";
const RATE_LIMIT = 30;
const SENDERS = 8;
const ROUNDS = 12;
const ADD_SIZE = 2_000;
const REMOVE_SIZE = 150;
const SEED_KEYS = 20_000;
const ADD_UNIVERSE = 30_000;
const KEY_TAG = "mi";
/** Keys that conflicting pushes add and remove at once: a pool apart from the seed keys and the add universe. */
const CONFLICT_POOL_START = 100_000;
const CONFLICT_POOL = 4_000;
const CONFLICT_SIZE = 500;
const CONFLICT_ROUNDS = 8;

const log = (message: string) => logLine("multi", message);

let instances: RunningApp[] = [];
let postgres: OwnPostgres | null = null;

/** A deterministic generator per sender, so a failing run can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

type Push = { add: number[]; remove: number[] };

/** (b) The pushes of one sender: overlapping add ranges from the add universe, overlapping removals from the seed keys. */
function plannedPushes(sender: number): Push[] {
  const random = seededRandom(4242 + sender);
  return Array.from({ length: ROUNDS }, () => {
    const addStart = SEED_KEYS + Math.floor(random() * (ADD_UNIVERSE - ADD_SIZE));
    const removeStart = Math.floor(random() * (SEED_KEYS - REMOVE_SIZE));
    return {
      add: Array.from({ length: ADD_SIZE }, (_, offset) => addStart + offset),
      remove: Array.from({ length: REMOVE_SIZE }, (_, offset) => removeStart + offset),
    };
  });
}

function rudderstackBody(clientSideId: string, push: Push): string {
  const [body] = buildPartnerPayloads(
    INTEGRATIONS.rudderstack,
    { environmentId: clientSideId, cohortId: "multi-instance", cohortName: "Multi-instance cohort" },
    {
      add: push.add.map((index) => contextKey(KEY_TAG, index)),
      remove: push.remove.map((index) => contextKey(KEY_TAG, index)),
    },
  );
  return JSON.stringify(body);
}

/** Posts until answered 2xx, honouring Retry-After on 429; returns every attempt. */
async function pushUntilAccepted(base: string, token: string, body: string): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  for (let tries = 0; tries < 20; tries++) {
    const attempt = await postPartnerPush(base, token, "rudderstack", body, 60_000);
    attempts.push(attempt);
    if (isSuccess(attempt)) return attempts;
    const wait = attempt.status === 429 ? (attempt.retryAfterSeconds ?? 1) * 1000 : 500;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return attempts;
}

async function checkConcurrentPushes(databaseUrl: string, clientSideId: string): Promise<ReportRow[]> {
  // Seed members first (through instance A), so that removals have something to remove.
  const seedToken = await createToken();
  const seedAttempts: Attempt[] = [];
  for (let start = 0; start < SEED_KEYS; start += 10_000) {
    const seed: Push = { add: Array.from({ length: 10_000 }, (_, offset) => start + offset), remove: [] };
    seedAttempts.push(
      ...(await pushUntilAccepted(instances[0]?.url ?? "", seedToken, rudderstackBody(clientSideId, seed))),
    );
  }
  if (!seedAttempts.some(isSuccess)) throw new Error("seeding the segment failed");

  // Each sender has its own token (rate limits are per token) and alternates between the instances.
  const tokens = await Promise.all(Array.from({ length: SENDERS }, () => createToken()));
  const plans = Array.from({ length: SENDERS }, (_, sender) => plannedPushes(sender));
  const attempts: { instance: number; attempt: Attempt }[] = [];
  const started = performance.now();
  await Promise.all(
    plans.map(async (pushes, sender) => {
      for (const [round, push] of pushes.entries()) {
        const instance = (sender + round) % 2;
        const made = await pushUntilAccepted(
          instances[instance]?.url ?? "",
          tokens[sender] ?? "",
          rudderstackBody(clientSideId, push),
        );
        for (const attempt of made) attempts.push({ instance, attempt });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // Whatever the interleaving: no add universe key is ever removed and no seed key re-added, so the end state is fixed.
  const expected = new Set<number>(Array.from({ length: SEED_KEYS }, (_, index) => index));
  for (const pushes of plans)
    for (const push of pushes) for (const index of push.remove) expected.delete(index);
  for (const pushes of plans) for (const push of pushes) for (const index of push.add) expected.add(index);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const segment = await db.query<{ id: number; key: string }>(
      "select id, key from segment where external = 'rudderstack' and external_cohort_id = 'multi-instance'",
    );
    const segmentRow = segment.rows[0];
    if (!segmentRow) throw new Error("the pushed segment does not exist");
    const countsNow = async () => {
      const result = await db.query<{ stored: number; rows: string }>(
        "select included_count as stored, (select count(*) from segment_member where segment_id = $1) as rows from segment where id = $1",
        [segmentRow.id],
      );
      return { stored: result.rows[0]?.stored ?? -1, rows: Number(result.rows[0]?.rows ?? -2) };
    };

    // (b2) Conflicting pushes: the same keys added by some requests and removed by others, at the same time through both
    // instances. Which wins depends on commit order, so only the counter can be checked here; a last push then settles
    // every key of the pool (odd indexes in, even out), after which the whole set is exact again.
    const conflictAttempts: { instance: number; attempt: Attempt }[] = [];
    await Promise.all(
      Array.from({ length: SENDERS }, async (_, sender) => {
        const random = seededRandom(777 + sender);
        for (let round = 0; round < CONFLICT_ROUNDS; round++) {
          const picked = new Set<number>();
          while (picked.size < CONFLICT_SIZE * 2)
            picked.add(CONFLICT_POOL_START + Math.floor(random() * CONFLICT_POOL));
          const keys = [...picked];
          const push: Push = { add: keys.slice(0, CONFLICT_SIZE), remove: keys.slice(CONFLICT_SIZE) };
          const instance = (sender + round) % 2;
          const made = await pushUntilAccepted(
            instances[instance]?.url ?? "",
            tokens[sender] ?? "",
            rudderstackBody(clientSideId, push),
          );
          for (const attempt of made) conflictAttempts.push({ instance, attempt });
        }
      }),
    );
    const afterConflicts = await countsNow();
    const pool = Array.from({ length: CONFLICT_POOL }, (_, offset) => CONFLICT_POOL_START + offset);
    const settle: Push = {
      add: pool.filter((index) => index % 2 === 1),
      remove: pool.filter((index) => index % 2 === 0),
    };
    const settled = await pushUntilAccepted(
      instances[1]?.url ?? "",
      seedToken,
      rudderstackBody(clientSideId, settle),
    );
    for (const index of settle.add) expected.add(index);
    const row = { ...segmentRow, included_count: (await countsNow()).stored };
    await db.query("create temp table expected_member (context_key text primary key)");
    await pipeline(
      Readable.from(
        (function* () {
          const indexes = [...expected];
          for (let start = 0; start < indexes.length; start += 5_000) {
            yield indexes
              .slice(start, start + 5_000)
              .map((index) => `${contextKey(KEY_TAG, index)}\n`)
              .join("");
          }
        })(),
      ),
      db.query(copyFrom("copy expected_member (context_key) from stdin")),
    );
    const compared = await db.query<{ rows: string; missing: string; unexpected: string }>(
      `select (select count(*) from segment_member where segment_id = $1) as rows,
         (select count(*) from (select context_key from expected_member
                                except select context_key from segment_member where segment_id = $1) d) as missing,
         (select count(*) from (select context_key from segment_member where segment_id = $1
                                except select context_key from expected_member) d) as unexpected`,
      [row.id],
    );
    const counts = compared.rows[0];
    const rows = Number(counts?.rows ?? -1);
    const missing = Number(counts?.missing ?? -1);
    const unexpected = Number(counts?.unexpected ?? -1);

    // Both instances must report the same, exact count (nothing cached per instance).
    const reported = await Promise.all(
      instances.map(async (instance) => {
        const response = await fetch(`${instance.url}/api/v2/segments/default/production/${row.key}`, {
          headers: { Authorization: seedToken },
        });
        const body = (await response.json()) as { _unboundedMetadata?: { includedCount?: number } };
        return body._unboundedMetadata?.includedCount ?? null;
      }),
    );
    const accepted = attempts.filter((entry) => isSuccess(entry.attempt));
    const failed = attempts.filter((entry) => !isSuccess(entry.attempt) && entry.attempt.status !== 429);
    const perInstance = [0, 1].map(
      (instance) => accepted.filter((entry) => entry.instance === instance).length,
    );
    return [
      {
        measure: `(b) ${SENDERS} senders × ${ROUNDS} pushes (${formatCount(ADD_SIZE)} adds + ${REMOVE_SIZE} removes, overlapping) to one segment`,
        result: `${accepted.length} accepted (instance A ${perInstance[0]}, B ${perInstance[1]}) in ${seconds.toFixed(1)} s; answers ${JSON.stringify(statusHistogram(attempts.map((entry) => entry.attempt)))}`,
        target: `${SENDERS * ROUNDS} accepted, no errors`,
        ok: accepted.length === SENDERS * ROUNDS && failed.length === 0,
      },
      {
        measure: `(b) then ${SENDERS} senders × ${CONFLICT_ROUNDS} pushes adding and removing the same ${formatCount(CONFLICT_POOL)} keys`,
        result: `${conflictAttempts.filter((entry) => isSuccess(entry.attempt)).length} accepted; right after: ${formatCount(afterConflicts.rows)} rows, stored count ${formatCount(afterConflicts.stored)}; settling push ${settled.some(isSuccess) ? "accepted" : "failed"}`,
        target: "count = rows",
        ok:
          conflictAttempts.filter((entry) => isSuccess(entry.attempt)).length === SENDERS * CONFLICT_ROUNDS &&
          afterConflicts.rows === afterConflicts.stored &&
          settled.some(isSuccess),
      },
      {
        measure: `(b) segment ${row.key}: rows / stored count / expected`,
        result: `${formatCount(rows)} / ${formatCount(row.included_count)} / ${formatCount(expected.size)}`,
        target: "equal",
        ok: rows === expected.size && row.included_count === rows,
      },
      {
        measure: "(b) members missing / unexpected (EXCEPT both ways)",
        result: `${missing} / ${unexpected}`,
        target: "0 / 0",
        ok: missing === 0 && unexpected === 0,
      },
      {
        measure: "(b) includedCount reported by instance A / B",
        result: reported.map((count) => (count === null ? "none" : formatCount(count))).join(" / "),
        target: "both exact",
        ok: reported.every((count) => count === rows),
      },
    ];
  } finally {
    await db.end();
  }
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
    ...(await checkConcurrentPushes(databaseUrl, clientSideId)),
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
