import { Redis } from "ioredis";
import type { PoolClient } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgPool, prisma } from "@/lib/server/db";
import { applyMembershipChanges, type KeyListChange } from "@/lib/server/membership/apply-membership-changes";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";
import { syncRunActor } from "@/lib/server/membership/sync-run-actor";
import { excludeSetKey, includeSetKey, segmentRef } from "@/lib/server/stores/big-segment-keys";
import { drainStoreOutbox } from "@/lib/server/stores/drain-store-outbox";
import { parseStoredConfig } from "@/lib/server/stores/parse-stored-config";
import type { StoreRow } from "@/lib/server/stores/store-row";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
import { waitFor } from "@/tests/support/wait-for";

const PREFIX = "outbox-lists";

let redisServer: RedisHandle;
let redis: Redis;
/** Holds the worker's advisory lock of this file's stores, so a store worker of another test file never drains them. */
let storeLocks: PoolClient;
const createdStores: string[] = [];

beforeAll(async () => {
  redisServer = await startRedis();
  redis = new Redis({ host: "127.0.0.1", port: redisServer.port, lazyConnect: true });
  await redis.connect();
  storeLocks = await pgPool().connect();
}, 30_000);

afterAll(async () => {
  // Other files' store workers would otherwise keep trying this file's Redis once it is stopped.
  await prisma.storeIntegration.updateMany({ where: { id: { in: createdStores } }, data: { on: false } });
  await storeLocks.query("SELECT pg_advisory_unlock_all()");
  storeLocks.release();
  redis.disconnect();
  await redisServer.stop();
});

/** A project whose production environment has an enabled store on this test's Redis, already fully synchronized. */
async function projectWithStore() {
  const { production } = await createTestProject();
  const created = await prisma.storeIntegration.create({
    data: {
      environmentId: production.id,
      integrationKey: "redis",
      name: "Redis",
      config: { host: "127.0.0.1", port: redisServer.port, tls: false, prefix: PREFIX },
      needsFullSync: false,
    },
  });
  createdStores.push(created.id);
  await storeLocks.query("SELECT pg_advisory_lock(hashtext($1))", [`store:${created.id}`]);
  return { production, storeId: created.id };
}

async function change(
  environmentId: string,
  segment: { id: number; key: string },
  lists: { included?: KeyListChange; excluded?: KeyListChange },
) {
  await runSqlTransaction((client) =>
    applyMembershipChanges(client, {
      environmentId,
      source: "contexts",
      actor: syncRunActor(null),
      startedAt: new Date(),
      received: 0,
      changes: [{ segmentId: segment.id, segmentKey: segment.key, ...lists, received: 0, skipped: [] }],
    }),
  );
}

/**
 * Drains the store's outbox until no row is left for it (a transaction of another test still running holds back the
 * horizon, so one pass may apply nothing yet).
 */
async function drain(storeId: string, environmentId: string): Promise<void> {
  await waitFor(
    async () => {
      const row = await prisma.storeIntegration.findUniqueOrThrow({ where: { id: storeId } });
      const store: StoreRow = {
        id: row.id,
        environmentId: row.environmentId,
        config: parseStoredConfig(row.config),
        password: row.password,
        outboxCursor: row.outboxCursor.toString(),
        needsFullSync: row.needsFullSync,
        version: row.version,
      };
      await drainStoreOutbox(store, redis);
      const after = await prisma.storeIntegration.findUniqueOrThrow({ where: { id: storeId } });
      const pending = await prisma.membershipOutbox.count({
        where: { environmentId, txid: { gte: after.outboxCursor } },
      });
      return pending === 0;
    },
    { timeoutMs: 10_000, what: "the store's outbox rows to be applied" },
  );
}

/** How many times Redis ran SADD and SREM (from scripts too) since the last reset. */
async function setCommandCalls(): Promise<{ sadd: number; srem: number }> {
  const stats = await redis.info("commandstats");
  const calls = (command: string) =>
    Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
  return { sadd: calls("sadd"), srem: calls("srem") };
}

describe("store outbox rows name the list they changed", () => {
  it("writes only the include sets for included changes and only the exclude sets for excluded ones", async () => {
    const { production, storeId } = await projectWithStore();
    const segment = await createTestSegment(production);
    const ref = segmentRef(segment.key, segment.generation);

    await redis.config("RESETSTAT");
    await change(production.id, segment, { included: { add: ["a", "b", "c"], distinct: true } });
    await drain(storeId, production.id);
    expect(await setCommandCalls()).toEqual({ sadd: 3, srem: 0 });
    for (const key of ["a", "b", "c"]) {
      expect(await redis.smembers(includeSetKey(PREFIX, key))).toEqual([ref]);
      expect(await redis.exists(excludeSetKey(PREFIX, key))).toBe(0);
    }

    await redis.config("RESETSTAT");
    await change(production.id, segment, { excluded: { add: ["x"] } });
    await drain(storeId, production.id);
    expect(await setCommandCalls()).toEqual({ sadd: 1, srem: 0 });
    expect(await redis.smembers(excludeSetKey(PREFIX, "x"))).toEqual([ref]);
    expect(await redis.exists(includeSetKey(PREFIX, "x"))).toBe(0);

    await redis.config("RESETSTAT");
    await change(production.id, segment, { included: { remove: ["b"] }, excluded: { remove: ["x"] } });
    await drain(storeId, production.id);
    expect(await setCommandCalls()).toEqual({ sadd: 0, srem: 2 });
    expect(await redis.exists(includeSetKey(PREFIX, "b"))).toBe(0);
    expect(await redis.exists(excludeSetKey(PREFIX, "x"))).toBe(0);
    expect(await redis.smembers(includeSetKey(PREFIX, "a"))).toEqual([ref]);
  });

  it("writes both sets of each key for a row without a list (a dropped segment's)", async () => {
    const { production, storeId } = await projectWithStore();
    const segment = await createTestSegment(production);
    const ref = segmentRef(segment.key, segment.generation);
    await change(production.id, segment, { included: { add: ["m"] }, excluded: { add: ["n"] } });
    await drain(storeId, production.id);
    expect(await redis.smembers(includeSetKey(PREFIX, "m"))).toEqual([ref]);
    expect(await redis.smembers(excludeSetKey(PREFIX, "n"))).toEqual([ref]);

    // As enqueueSegmentDrop writes them: the segment is gone, so both sets of every key lose the ref.
    await prisma.segment.delete({ where: { id: segment.id } });
    await prisma.membershipOutbox.create({
      data: { environmentId: production.id, segmentId: segment.id, segmentRef: ref, contextKeys: ["m", "n"] },
    });
    await redis.config("RESETSTAT");
    await drain(storeId, production.id);
    expect(await setCommandCalls()).toEqual({ sadd: 0, srem: 4 });
    expect(await redis.exists(includeSetKey(PREFIX, "m"), excludeSetKey(PREFIX, "n"))).toBe(0);
  });
});
