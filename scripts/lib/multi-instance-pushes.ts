/** The multi-instance test's concurrent pushes (b): planned per sender, sent through every instance, checked in SQL. */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { contextKey } from "./load-keys";
import { isSuccess, postPartnerPush, statusHistogram, type Attempt } from "./partner-push-request";
import { formatCount, type ReportRow } from "./report";

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

export type PushSetup = {
  databaseUrl: string;
  clientSideId: string;
  /** The base URL of each instance. */
  instances: readonly string[];
  /** A fresh writer token (rate limits are per token). */
  createToken: () => Promise<string>;
};

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

/**
 * (b) Concurrent pushes to one segment through every instance, then conflicting ones and a settling push; the rows
 * checked against the expected members, and the count each instance reports.
 */
export async function checkConcurrentPushes(setup: PushSetup): Promise<ReportRow[]> {
  const { databaseUrl, clientSideId, instances, createToken } = setup;
  // Seed members first (through instance A), so that removals have something to remove.
  const seedToken = await createToken();
  const seedAttempts: Attempt[] = [];
  for (let start = 0; start < SEED_KEYS; start += 10_000) {
    const seed: Push = { add: Array.from({ length: 10_000 }, (_, offset) => start + offset), remove: [] };
    seedAttempts.push(
      ...(await pushUntilAccepted(instances[0] ?? "", seedToken, rudderstackBody(clientSideId, seed))),
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
          instances[instance] ?? "",
          tokens[sender] ?? "",
          rudderstackBody(clientSideId, push),
        );
        for (const attempt of made) attempts.push({ instance, attempt });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const expected = expectedMembers(plans);

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
            instances[instance] ?? "",
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
      instances[1] ?? "",
      seedToken,
      rudderstackBody(clientSideId, settle),
    );
    for (const index of settle.add) expected.add(index);
    const row = { ...segmentRow, included_count: (await countsNow()).stored };
    const compared = await compareWithExpected(db, row.id, expected);
    const counts = compared.rows[0];
    const rows = Number(counts?.rows ?? -1);
    const missing = Number(counts?.missing ?? -1);
    const unexpected = Number(counts?.unexpected ?? -1);

    // Both instances must report the same, exact count (nothing cached per instance).
    const reported = await Promise.all(
      instances.map(async (instance) => {
        const response = await fetch(`${instance}/api/v2/segments/default/production/${row.key}`, {
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

/** Whatever the interleaving: no add universe key is ever removed and no seed key re-added, so the end state is fixed. */
function expectedMembers(plans: readonly Push[][]): Set<number> {
  const expected = new Set<number>(Array.from({ length: SEED_KEYS }, (_, index) => index));
  for (const pushes of plans)
    for (const push of pushes) for (const index of push.remove) expected.delete(index);
  for (const pushes of plans) for (const push of pushes) for (const index of push.add) expected.add(index);
  return expected;
}

/** The segment's rows against the expected members, EXCEPT both ways, in SQL. */
async function compareWithExpected(db: pg.Client, segmentId: number, expected: ReadonlySet<number>) {
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
    [segmentId],
  );
  return compared;
}
