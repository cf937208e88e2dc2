/**
 * Checks a finished partner load against PostgreSQL, in SQL: every batch's keys are COPYed into a temporary table, then
 * - each add batch is all or nothing (its keys are all present or none are), and one sync run wrote all of it;
 * - an acknowledged add is fully present unless a removal of it took effect; an acknowledged removal took effect;
 * - each segment's members equal the expected set exactly (EXCEPT both ways) and its stored count equals its rows.
 * A batch never acknowledged (its answer was lost in a fault, or it was sent once only) may or may not have been applied;
 * what the database holds decides, and it must still be all or nothing.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { contextKey, type CohortTarget } from "./load-keys";
import type { Batch, LoadResult } from "./partner-load";

export type SegmentCheck = {
  cohort: string;
  segmentKey: string | null;
  expected: number;
  rows: number;
  storedCount: number;
  missing: number;
  unexpected: number;
  ok: boolean;
};

export type BatchCheck = {
  addBatches: number;
  removeBatches: number;
  /** Acknowledged adds with keys missing although no removal of them took effect. */
  lostAcknowledged: number;
  /** Acknowledged removals whose keys are still (partly) present. */
  removalsNotApplied: number;
  /** Add batches with some but not all keys present. */
  partial: number;
  /** Add batches whose present keys were written by more than one sync run (applied in pieces). */
  split: number;
  /** Fully present add batches whose rows carry a sync run id, so that `split` could be checked for them. */
  checkedForSplit: number;
  /** Batches never acknowledged, by what the database shows: applied whole, or not at all. */
  unacknowledgedApplied: number;
  unacknowledgedNotApplied: number;
  samples: string[];
};

export type LoadCheck = { segments: SegmentCheck[]; batches: BatchCheck; ok: boolean; seconds: number };

type BatchPresence = { batch_id: number; total: number; present: number; runs: number };

export async function verifyLoad(
  databaseUrl: string,
  clientSideId: string,
  targets: readonly CohortTarget[],
  keyTag: string,
  result: LoadResult,
): Promise<LoadCheck> {
  const started = performance.now();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query("set work_mem = '256MB'");
    const environment = await db.query<{ id: string }>(
      "select id from environment where client_side_id = $1",
      [clientSideId],
    );
    const environmentId = environment.rows[0]?.id;
    if (!environmentId) throw new Error(`no environment with client-side id ${clientSideId}`);
    const segmentIds: (number | null)[] = [];
    for (const target of targets) {
      const found = await db.query<{ id: number }>(
        "select id from segment where environment_id = $1 and external = $2 and external_cohort_id = $3",
        [environmentId, target.integration, target.cohortId],
      );
      segmentIds.push(found.rows[0]?.id ?? null);
    }

    const adds = result.batches.filter((batch) => batch.op === "add");
    await db.query(
      "create temp table load_key (batch_id int not null, segment_id int not null, context_key text not null)",
    );
    await pipeline(
      Readable.from(
        (function* () {
          for (const batch of adds) {
            const segmentId = segmentIds[batch.target];
            if (segmentId === null || segmentId === undefined) continue;
            for (let offset = 0; offset < batch.size; offset += 5_000) {
              let chunk = "";
              const end = Math.min(batch.size, offset + 5_000);
              for (let index = offset; index < end; index++) {
                chunk += `${batch.id}\t${segmentId}\t${contextKey(keyTag, batch.start + index)}\n`;
              }
              yield chunk;
            }
          }
        })(),
      ),
      db.query(copyFrom("copy load_key (batch_id, segment_id, context_key) from stdin")),
    );
    await db.query("analyze load_key");
    const presence = await db.query<BatchPresence>(
      `select k.batch_id, count(*)::int as total, count(m.context_key)::int as present,
              count(distinct m.sync_run_id)::int as runs
       from load_key k
       left join segment_member m on m.segment_id = k.segment_id and m.context_key = k.context_key
       group by k.batch_id`,
    );
    const byBatch = new Map(presence.rows.map((row) => [row.batch_id, row]));

    const batches = checkBatches(result.batches, byBatch);
    await db.query(
      `create temp table expected_member as select segment_id, context_key from load_key where batch_id = any($1::int[])`,
      [batches.expectedBatchIds],
    );
    await db.query("analyze expected_member");

    const segments: SegmentCheck[] = [];
    for (const [index, target] of targets.entries()) {
      const segmentId = segmentIds[index] ?? null;
      const cohort = `${target.integration}/${target.cohortId}`;
      if (segmentId === null) {
        const expected = adds.some((batch) => batch.target === index && batch.acked) ? -1 : 0;
        segments.push({
          cohort,
          segmentKey: null,
          expected,
          rows: 0,
          storedCount: 0,
          missing: 0,
          unexpected: 0,
          ok: expected === 0,
        });
        continue;
      }
      const row = await db.query<{
        key: string;
        stored: number;
        rows: string;
        expected: string;
        missing: string;
        unexpected: string;
      }>(
        `select s.key, s.included_count as stored,
           (select count(*) from segment_member where segment_id = s.id) as rows,
           (select count(*) from expected_member where segment_id = s.id) as expected,
           (select count(*) from (select context_key from expected_member where segment_id = s.id
                                  except select context_key from segment_member where segment_id = s.id) d) as missing,
           (select count(*) from (select context_key from segment_member where segment_id = s.id
                                  except select context_key from expected_member where segment_id = s.id) d) as unexpected
         from segment s where s.id = $1`,
        [segmentId],
      );
      const found = row.rows[0];
      if (!found) throw new Error(`segment ${segmentId} vanished`);
      const check = {
        cohort,
        segmentKey: found.key,
        expected: Number(found.expected),
        rows: Number(found.rows),
        storedCount: found.stored,
        missing: Number(found.missing),
        unexpected: Number(found.unexpected),
      };
      segments.push({
        ...check,
        ok:
          check.missing === 0 &&
          check.unexpected === 0 &&
          check.rows === check.expected &&
          check.storedCount === check.rows,
      });
    }
    const { expectedBatchIds: _expectedBatchIds, ...batchCheck } = batches;
    const ok =
      segments.every((segment) => segment.ok) &&
      batchCheck.lostAcknowledged === 0 &&
      batchCheck.removalsNotApplied === 0 &&
      batchCheck.partial === 0 &&
      batchCheck.split === 0;
    return { segments, batches: batchCheck, ok, seconds: (performance.now() - started) / 1000 };
  } finally {
    await db.end();
  }
}

function checkBatches(
  all: readonly Batch[],
  byBatch: Map<number, BatchPresence>,
): BatchCheck & { expectedBatchIds: number[] } {
  const check: BatchCheck & { expectedBatchIds: number[] } = {
    addBatches: 0,
    removeBatches: 0,
    lostAcknowledged: 0,
    removalsNotApplied: 0,
    partial: 0,
    split: 0,
    checkedForSplit: 0,
    unacknowledgedApplied: 0,
    unacknowledgedNotApplied: 0,
    samples: [],
    expectedBatchIds: [],
  };
  const sample = (text: string) => {
    if (check.samples.length < 10) check.samples.push(text);
  };
  for (const batch of all) {
    if (batch.op === "remove") {
      check.removeBatches++;
      continue;
    }
    check.addBatches++;
    const presence = byBatch.get(batch.id);
    const present = presence?.present ?? 0;
    const total = batch.size;
    const removal = batch.removedBy === undefined ? undefined : all[batch.removedBy];
    const describe = `add batch ${batch.id} (sender ${batch.sender}, target ${batch.target}, ${total} keys${batch.acked ? ", acknowledged" : ""}${removal ? `, removal ${removal.id}${removal.acked ? " acknowledged" : " unacknowledged"}` : ""})`;
    if (present > 0 && present < total) {
      check.partial++;
      sample(`${describe}: ${present} of ${total} keys present`);
    }
    if ((presence?.runs ?? 0) > 1) {
      check.split++;
      sample(`${describe}: written by ${presence?.runs} sync runs`);
    }
    if (present === total && (presence?.runs ?? 0) > 0) check.checkedForSplit++;
    // Expected in the segment: an acknowledged add that no acknowledged removal took back; where an answer was lost,
    // whatever the database shows as a whole.
    const expected = removal?.acked ? false : batch.acked && !removal ? true : present === total;
    if (expected) check.expectedBatchIds.push(batch.id);
    if (removal?.acked) {
      if (present > 0) {
        check.removalsNotApplied++;
        sample(`${describe}: ${present} keys still present`);
      }
    } else if (batch.acked && !removal && present < total) {
      check.lostAcknowledged++;
      sample(`${describe}: only ${present} of ${total} keys present`);
    }
    if (!batch.acked) {
      if (present === total) check.unacknowledgedApplied++;
      else if (present === 0) check.unacknowledgedNotApplied++;
    }
    if (removal && !removal.acked && batch.acked) {
      // An unacknowledged removal of an acknowledged add: the keys present or absent as a whole say whether it took effect.
      if (present === 0) check.unacknowledgedApplied++;
      else if (present === total) check.unacknowledgedNotApplied++;
    }
  }
  return check;
}
