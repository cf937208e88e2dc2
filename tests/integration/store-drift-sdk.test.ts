import { init, integrations, type LDClient } from "@launchdarkly/node-server-sdk";
import { RedisBigSegmentStore } from "@launchdarkly/node-server-sdk-redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { includeSetKey } from "@/lib/server/stores/big-segment-keys";
import { startStoreWorker } from "@/lib/server/stores/start-store-worker";
import { createDriftStore } from "@/tests/support/drift-store";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
import { waitFor } from "@/tests/support/wait-for";

/** The worker verifies every second here (a minute in production), so a drift is found in about a second. */
const VERIFY_INTERVAL_MS = 1_000;
/** What the issue promises: an emptied store is repaired within two minutes. */
const REPAIR_DEADLINE_MS = 120_000;
/** The SDK calls the store stale this many seconds after the last marker (120 by default). */
const SDK_STALE_AFTER_S = 2;

let redis: RedisHandle;
let stopWorker: () => Promise<void>;
let client: LDClient;
let store: Awaited<ReturnType<typeof createDriftStore>>;

/** Polls slower than the SDK's 1-second membership cache, which renews an entry's age on every read. */
function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<number> {
  return waitFor(check, { timeoutMs, what, intervalMs: 1_200 });
}

async function matches(key: string): Promise<boolean> {
  return (await client.variation("in-cohort", { kind: "user", key }, false)) === true;
}

async function sdkStatus() {
  return client.bigSegmentStoreStatusProvider.requireStatus();
}

beforeAll(async () => {
  redis = await startRedis();
  store = await createDriftStore(redis.port);
  stopWorker = startStoreWorker({ verifyIntervalMs: VERIFY_INTERVAL_MS });
  const testData = new integrations.TestData();
  await testData.usePreconfiguredFlag({
    key: "in-cohort",
    version: 1,
    on: true,
    variations: [true, false],
    offVariation: 1,
    fallthrough: { variation: 1 },
    rules: [
      {
        id: "rule",
        clauses: [{ attribute: "key", op: "segmentMatch", values: [store.segmentKey] }],
        variation: 0,
      },
    ],
    targets: [],
    prerequisites: [],
    salt: "salt",
  });
  await testData.usePreconfiguredSegment({
    key: store.segmentKey,
    version: 1,
    unbounded: true,
    unboundedContextKind: "user",
    generation: 1,
    included: [],
    excluded: [],
    rules: [],
  });
  client = init("sdk-test-key", {
    updateProcessor: testData.getFactory(),
    sendEvents: false,
    diagnosticOptOut: true,
    bigSegments: {
      store: RedisBigSegmentStore({
        prefix: store.prefix,
        redisOpts: { host: "127.0.0.1", port: redis.port },
      }),
      statusPollInterval: 1,
      userCacheTime: 1,
      staleAfter: SDK_STALE_AFTER_S,
    },
  });
  await client.waitForInitialization({ timeout: 10 });
  await store.push(["alice", "bob", "carol"]);
  await eventually(
    async () => (await matches("alice")) && (await matches("bob")) && (await matches("carol")),
    "the SDK to see the first push",
  );
}, 60_000);

afterAll(async () => {
  client.close();
  store.direct.disconnect();
  await stopWorker();
  await redis.stop();
});

describe("drift found by the running worker, as LaunchDarkly's Node SDK sees it", () => {
  it(
    "FLUSHDB behind the app's back: repaired within 2 minutes, and the SDK then evaluates correctly and is not stale",
    async () => {
      const auditBefore = (await store.workerAudit()).length;
      await store.direct.flushdb();
      const repairedIn = await waitFor(
        async () =>
          (await store.workerAudit())
            .slice(auditBefore)
            .some((entry) => entry.startsWith("Repaired drift")) && (await store.marker()) !== null,
        { timeoutMs: REPAIR_DEADLINE_MS, what: "the store worker to repair the emptied store" },
      );
      expect(repairedIn).toBeLessThan(REPAIR_DEADLINE_MS);
      expect((await store.workerAudit())[auditBefore]).toContain(
        "lost its big_segments_synchronized_on marker",
      );
      await eventually(
        async () =>
          (await matches("alice")) &&
          (await matches("bob")) &&
          (await matches("carol")) &&
          !(await matches("mallory")),
        "the SDK to evaluate the repaired store",
      );
      expect(await sdkStatus()).toMatchObject({ available: true, stale: false });
    },
    REPAIR_DEADLINE_MS + 30_000,
  );

  it("a member's key deleted behind the app's back: found by the sample within seconds, resynced, and the SDK matches it again", async () => {
    const auditBefore = (await store.workerAudit()).length;
    await store.direct.del(includeSetKey(store.prefix, "bob"));
    await eventually(
      async () =>
        (await store.workerAudit()).slice(auditBefore).some((entry) => entry.startsWith("Repaired drift")),
      "the store worker to find and repair the deleted key",
    );
    expect((await store.workerAudit())[auditBefore]).toContain("sampled keys missing from the store");
    await eventually(
      async () => (await matches("bob")) && (await matches("alice")),
      "the SDK to match bob again",
    );
    expect(await matches("mallory")).toBe(false);
    expect(await sdkStatus()).toMatchObject({ available: true, stale: false });
  }, 60_000);

  it("while a drift cannot be repaired the SDK reports STALE; once repaired it is fresh again and evaluates correctly", async () => {
    // A string where carol's include set belongs: the sample finds carol missing and the resync cannot write there.
    await store.direct.set(includeSetKey(store.prefix, "carol"), "not a set");
    await waitFor(async () => (await store.status()).degraded !== undefined, {
      timeoutMs: 15_000,
      what: "the worker to mark the store degraded",
    });
    await eventually(async () => (await sdkStatus()).stale, "the SDK to report the store stale");
    expect((await store.status()).potentiallyStale).toBe(true);

    await store.direct.del(includeSetKey(store.prefix, "carol"));
    await eventually(
      async () => (await store.status()).degraded === undefined && !(await sdkStatus()).stale,
      "the repair to be verified and the SDK to see a fresh marker",
      45_000,
    );
    expect(await matches("carol")).toBe(true);
    expect(await matches("alice")).toBe(true);
    expect(await matches("mallory")).toBe(false);
  }, 90_000);
});
