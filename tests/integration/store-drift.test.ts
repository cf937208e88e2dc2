import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgPool, prisma } from "@/lib/server/db";
import { excludeSetKey, includeSetKey } from "@/lib/server/stores/big-segment-keys";
import { checkStoreDrift } from "@/lib/server/stores/check-store-drift";
import { parseStoredConfig } from "@/lib/server/stores/parse-stored-config";
import { newStoreWorkerState, runStoreWorkerPass } from "@/lib/server/stores/run-store-worker-pass";
import { createDriftStore } from "@/tests/support/drift-store";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";

let redis: RedisHandle;
const clients: { disconnect: () => void }[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis.stop();
});

/** One worker pass that verifies every store it applies (interval 0), without the backoff of an earlier failure. */
async function pass() {
  const state = newStoreWorkerState(0);
  try {
    await runStoreWorkerPass(state);
  } finally {
    for (const { redis: connection } of state.connections.values()) connection.disconnect();
  }
}

/** A store built and verified once, holding alice, bob and carol. */
async function verifiedStore() {
  const store = await createDriftStore(redis.port);
  clients.push(store.direct);
  await store.push(["alice", "bob", "carol"]);
  await pass(); // the first build
  await pass(); // applies nothing new, verifies
  const row = await store.row();
  expect(row.verifiedAt).not.toBeNull();
  expect(row.driftDetectedAt).toBeNull();
  expect(await store.workerAudit()).toEqual([]);
  return store;
}

describe("the store worker verifies each store against PostgreSQL", () => {
  it("a member's key deleted behind the app's back is found in one pass, audited, resynced and verified again", async () => {
    const store = await verifiedStore();
    const before = (await store.row()).verifiedAt?.getTime() ?? 0;
    await store.direct.del(includeSetKey(store.prefix, "bob"));
    expect(await store.inStore("bob")).toBe(false);

    await pass();
    expect(await store.inStore("bob")).toBe(true);
    const audit = await store.workerAudit();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toContain("1 of 3 sampled keys missing from the store in 1 of 1 segment(s)");
    // Counts only: a reader of the store's status or audit log may not be allowed to see the segment.
    expect(audit[0]).not.toContain(store.segmentKey);
    expect(audit[1]).toMatch(/^Repaired drift .*resynced 1 segment/);
    const row = await store.row();
    expect(row.driftDetectedAt).toBeNull();
    expect(row.verifiedAt?.getTime()).toBeGreaterThan(before);
    expect((await store.status()).degraded).toBeUndefined();
  });

  it("a segment's ref removed from every include set is found and rewritten", async () => {
    const store = await verifiedStore();
    const ref = await store.ref();
    for (const key of ["alice", "bob", "carol"])
      await store.direct.srem(includeSetKey(store.prefix, key), ref);

    await pass();
    for (const key of ["alice", "bob", "carol"]) expect(await store.inStore(key)).toBe(true);
    expect((await store.workerAudit())[0]).toContain("3 of 3 sampled keys missing");
  });

  it("an excluded key missing from its exclude set is found and rewritten", async () => {
    const store = await verifiedStore();
    const segment = await prisma.segment.findFirstOrThrow({ where: { key: store.segmentKey } });
    // Written behind the outbox's back, so the store never hears of it.
    await pgPool().query("insert into segment_exclusion (segment_id, context_key) values ($1, 'eve')", [
      segment.id,
    ]);
    await prisma.segment.update({ where: { id: segment.id }, data: { excludedCount: 1 } });
    await pass();
    expect((await store.workerAudit())[0]).toContain(
      "1 of 4 sampled keys missing from the store in 1 of 1 segment(s) (1 of them exclusions)",
    );
    expect(await store.direct.sismember(excludeSetKey(store.prefix, "eve"), await store.ref())).toBe(1);
  });

  it("a store entry for a context that is not a member (the store-to-PostgreSQL sample) is found and removed", async () => {
    const store = await verifiedStore();
    await store.direct.sadd(includeSetKey(store.prefix, "mallory"), await store.ref());

    await pass();
    expect(await store.inStore("mallory")).toBe(false);
    for (const key of ["alice", "bob", "carol"]) expect(await store.inStore(key)).toBe(true);
    expect((await store.workerAudit())[0]).toMatch(
      /1 of \d+ sampled store entries are not members, in 1 segment/,
    );
  });

  it("changes the outbox has not applied yet are not drift", async () => {
    const store = await verifiedStore();
    await store.push(["dave"], ["carol"]);
    const row = await store.row();
    const db = await pgPool().connect();
    try {
      const report = await checkStoreDrift(
        db,
        {
          id: row.id,
          environmentId: row.environmentId,
          config: parseStoredConfig(row.config),
          password: row.password,
          outboxCursor: String(row.outboxCursor),
          needsFullSync: row.needsFullSync,
          version: row.version,
        },
        store.direct,
      );
      // dave is in PostgreSQL and not yet in the store, carol the other way round: both pending, neither drift.
      expect(await store.inStore("dave")).toBe(false);
      expect(await store.inStore("carol")).toBe(true);
      expect(report.reasons).toEqual([]);
      expect(report.sampled).toBeGreaterThanOrEqual(3);
    } finally {
      db.release();
    }
    await pass();
    expect(await store.inStore("dave")).toBe(true);
    expect(await store.inStore("carol")).toBe(false);
    expect(await store.workerAudit()).toEqual([]);
  });

  it("while a repair cannot finish, the store stays degraded and its marker unwritten; once it can, it is verified and the marker written", async () => {
    const store = await verifiedStore();
    // A string where a set belongs: reading it is drift, and the resync's SADD fails on it (WRONGTYPE).
    await store.direct.set(includeSetKey(store.prefix, "alice"), "not a set");

    // This pass applies the outbox (marker written), then finds the drift and fails to repair it.
    await pass();
    const markerBefore = await store.marker();
    expect(markerBefore).not.toBeNull();
    await store.push(["erin"]);
    await pass();
    const degraded = await store.status();
    expect(degraded.potentiallyStale).toBe(true);
    expect(degraded.degraded?.reason).toContain("1 of 3 sampled keys missing from the store");
    expect(degraded.errors?.[0]?.message).toContain("WRONGTYPE");
    expect(await store.marker()).toBe(markerBefore);
    expect(await store.workerAudit()).toHaveLength(1);

    await store.direct.del(includeSetKey(store.prefix, "alice"));
    await pass();
    const healthy = await store.status();
    expect(healthy.degraded).toBeUndefined();
    expect(healthy.lastVerified).toBeGreaterThan(degraded.degraded?.since ?? Number.POSITIVE_INFINITY);
    expect(Number(await store.marker())).toBeGreaterThan(Number(markerBefore));
    for (const key of ["alice", "bob", "carol", "erin"]) expect(await store.inStore(key)).toBe(true);
    expect((await store.workerAudit())[1]).toMatch(/^Repaired drift/);
  });
});

describe("several worker processes", () => {
  it("verify and repair a store once between them: one drift found, one repair, in the audit log", async () => {
    const store = await verifiedStore();
    await store.direct.del(includeSetKey(store.prefix, "carol"));
    await Promise.all([pass(), pass(), pass()]);
    await pass();
    expect(await store.inStore("carol")).toBe(true);
    const audit = await store.workerAudit();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatch(/^Found drift/);
    expect(audit[1]).toMatch(/^Repaired drift/);
  });
});

describe("an emptied store", () => {
  it("FLUSHDB behind the app's back: found by the lost marker in the next pass, every segment rebuilt, then verified", async () => {
    // A Redis of its own: flushing the shared one would make every other test's store drift too.
    const own = await startRedis();
    try {
      const store = await createDriftStore(own.port);
      clients.push(store.direct);
      await store.push(["alice", "bob", "carol"]);
      await pass();
      await pass();
      await store.direct.flushdb();
      expect(await store.marker()).toBeNull();

      await pass();
      expect(await store.marker()).not.toBeNull();
      for (const key of ["alice", "bob", "carol"]) expect(await store.inStore(key)).toBe(true);
      const audit = await store.workerAudit();
      expect(audit[0]).toContain("lost its big_segments_synchronized_on marker");
      expect(audit[1]).toMatch(/^Repaired drift/);
      expect((await store.row()).driftDetectedAt).toBeNull();
    } finally {
      await own.stop();
    }
  });
});
