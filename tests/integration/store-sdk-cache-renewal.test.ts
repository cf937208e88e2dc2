import { init, integrations, type LDClient } from "@launchdarkly/node-server-sdk";
import { RedisBigSegmentStore } from "@launchdarkly/node-server-sdk-redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as storeRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as partnerRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { startStoreWorker } from "@/lib/server/stores/start-store-worker";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
import { waitFor } from "@/tests/support/wait-for";

/**
 * What the README's SDK section warns about, pinned on LaunchDarkly's own SDK: its big-segment membership cache renews an
 * entry's age on every read, so a context evaluated more often than `userCacheTime` keeps its cached answer, while a
 * context read less often sees a push within the mirror's lag. The bench (bench/sdk-latency.ts) relies on this too.
 */
const PREFIX = "tributary-cache-renewal";
const COHORT = "cache-renewal";
const SEGMENT_KEY = `rudderstack-${COHORT}`;
/** The SDK's membership cache time in seconds, as the README recommends it: short. */
const USER_CACHE_TIME_S = 0.2;
/** Reads of one context this far apart keep renewing its cached answer. */
const RENEWING_READ_EVERY_MS = 50;
/** Reads of the hot context after the push is in Redis: 3 s at one per 50 ms, many times the cache time. */
const HOT_READS_AFTER = 60;

let redis: RedisHandle;
let stopWorker: () => Promise<void>;
let client: LDClient;
let token: string;
let project: Awaited<ReturnType<typeof createTestProject>>;

async function push(add: string[]) {
  const response = await callRoute(partnerRoute.POST, {
    path: "/api/v2/segment-targets/rudderstack",
    params: { integrationKey: "rudderstack" },
    token,
    body: buildPartnerPayloads(
      INTEGRATIONS.rudderstack,
      { environmentId: project.production.clientSideId, cohortId: COHORT, cohortName: "Cache renewal" },
      { add, remove: [] },
    )[0],
  });
  expect(response.status).toBe(204);
}

async function matches(key: string): Promise<boolean> {
  return (await client.variation("in-cohort", { kind: "user", key }, false)) === true;
}

beforeAll(async () => {
  redis = await startRedis();
  project = await createTestProject();
  token = (await createTestToken({ role: "writer" })).value;
  const created = await callRoute(storeRoute.POST, {
    path: `/api/v2/integration-capabilities/big-segment-store/${project.project.key}/production/redis`,
    params: { projectKey: project.project.key, environmentKey: "production", integrationKey: "redis" },
    token,
    body: { name: "Cache renewal Redis", config: { host: "127.0.0.1", port: redis.port, prefix: PREFIX } },
  });
  expect(created.status).toBe(201);
  stopWorker = startStoreWorker();
  await push(["first"]); // generation 1 of the segment

  const testData = new integrations.TestData();
  await testData.usePreconfiguredSegment({
    key: SEGMENT_KEY,
    version: 1,
    unbounded: true,
    unboundedContextKind: "user",
    generation: 1,
    included: [],
    excluded: [],
    rules: [],
  });
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
        clauses: [{ attribute: "key", op: "segmentMatch", values: [SEGMENT_KEY] }],
        variation: 0,
      },
    ],
    targets: [],
    prerequisites: [],
    salt: "salt",
  });
  client = init("sdk-cache-renewal-key", {
    updateProcessor: testData.getFactory(),
    sendEvents: false,
    diagnosticOptOut: true,
    bigSegments: {
      store: RedisBigSegmentStore({ prefix: PREFIX, redisOpts: { host: "127.0.0.1", port: redis.port } }),
      userCacheTime: USER_CACHE_TIME_S,
      statusPollInterval: 1,
    },
  });
  await client.waitForInitialization({ timeout: 10 });
  await waitFor(() => matches("first"), { timeoutMs: 10_000, what: "the first member", intervalMs: 300 });
}, 60_000);

afterAll(async () => {
  client.close();
  await stopWorker();
  await redis.stop();
});

describe("LaunchDarkly's SDK membership cache (userCacheTime)", () => {
  it("keeps a context's cached answer while it is read more often than the cache time, and not otherwise", async () => {
    // Both contexts are evaluated (and cached as non-members) before the push; the hot one is read every 50 ms throughout.
    expect(await matches("cold")).toBe(false);
    const hotAnswers: boolean[] = [];
    let reading = true;
    const hotReader = (async () => {
      while (reading) {
        hotAnswers.push(await matches("hot"));
        await new Promise((resolve) => setTimeout(resolve, RENEWING_READ_EVERY_MS));
      }
    })();
    await push(["hot", "cold"]);

    // The cold context, read less often than the cache time, sees the push: Redis has both keys from here on.
    await waitFor(() => matches("cold"), { timeoutMs: 10_000, what: "the cold context", intervalMs: 300 });
    const readsBefore = hotAnswers.length;
    await waitFor(() => hotAnswers.length >= readsBefore + HOT_READS_AFTER, {
      timeoutMs: 30_000,
      what: `${HOT_READS_AFTER} more reads of the hot context`,
    });
    reading = false;
    await hotReader;
    // The hot context kept its first answer all along although Redis has it.
    expect(hotAnswers.length).toBeGreaterThan(HOT_READS_AFTER);
    expect(hotAnswers.filter(Boolean)).toEqual([]);

    // Read less often than the cache time, its next reads go to Redis.
    await waitFor(() => matches("hot"), {
      timeoutMs: 10_000,
      what: "the hot context, read slowly",
      intervalMs: 300,
    });
  });
});
