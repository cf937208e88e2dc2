import { init, integrations, type LDClient } from "@launchdarkly/node-server-sdk";
import { RedisBigSegmentStore } from "@launchdarkly/node-server-sdk-redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as storeRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as partnerRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import { prisma } from "@/lib/server/db";
import { startStoreWorker } from "@/lib/server/stores/start-store-worker";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
import { waitFor } from "@/tests/support/wait-for";

const PREFIX = "tributary-test";
const COHORT = "sdk-cohort";
const SEGMENT_KEY = `rudderstack-${COHORT}`;

let redis: RedisHandle;
let stopWorker: () => Promise<void>;
let client: LDClient;
let testData: InstanceType<typeof integrations.TestData>;
let token: string;
let project: Awaited<ReturnType<typeof createTestProject>>;

/**
 * Polls slower than the SDK's membership cache (1 s here): the SDK refreshes a cached answer's age on every read, so faster
 * polling would keep reading the same cached answer. Returns how long it took.
 */
function eventually(check: () => Promise<boolean>, timeoutMs = 8_000): Promise<number> {
  return waitFor(check, { timeoutMs, what: "the SDK's answer", intervalMs: 1_200 });
}

async function push(add: string[], remove: string[] = []) {
  const response = await callRoute(partnerRoute.POST, {
    path: "/api/v2/segment-targets/rudderstack",
    params: { integrationKey: "rudderstack" },
    token,
    body: buildPartnerPayloads(
      INTEGRATIONS.rudderstack,
      { environmentId: project.production.clientSideId, cohortId: COHORT, cohortName: "SDK cohort" },
      { add, remove },
    )[0],
  });
  expect(response.status).toBe(204);
}

function useSegment(generation: number) {
  return testData.usePreconfiguredSegment({
    key: SEGMENT_KEY,
    version: generation,
    unbounded: true,
    unboundedContextKind: "user",
    generation,
    included: [],
    excluded: [],
    rules: [],
  });
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
    body: { name: "Test Redis", on: true, config: { host: "127.0.0.1", port: redis.port, prefix: PREFIX } },
  });
  expect(created.status).toBe(201);
  stopWorker = startStoreWorker();

  testData = new integrations.TestData();
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
  await useSegment(1);
  client = init("sdk-test-key", {
    updateProcessor: testData.getFactory(),
    sendEvents: false,
    diagnosticOptOut: true,
    bigSegments: {
      store: RedisBigSegmentStore({ prefix: PREFIX, redisOpts: { host: "127.0.0.1", port: redis.port } }),
      statusPollInterval: 1,
      userCacheTime: 1,
    },
  });
  await client.waitForInitialization({ timeout: 10 });
}, 60_000);

afterAll(async () => {
  client.close();
  await stopWorker();
  await redis.stop();
});

describe("LaunchDarkly's own Node SDK reads Tributary's membership from Redis", () => {
  it("matches pushed contexts, stops matching removed ones, and stays HEALTHY", async () => {
    await push(["alice", "bob", "carol"]);
    const elapsed = await eventually(
      async () => (await matches("alice")) && (await matches("bob")) && (await matches("carol")),
    );
    expect(elapsed).toBeLessThan(5_000);
    expect(await matches("mallory")).toBe(false);

    await push([], ["bob"]);
    // The SDK caches a context's membership for 5 seconds by default.
    await eventually(async () => !(await matches("bob")), 10_000);
    expect(await matches("alice")).toBe(true);

    const status = await client.bigSegmentStoreStatusProvider.requireStatus();
    expect(status).toMatchObject({ available: true, stale: false });
  });

  it("a deleted and re-created segment matches only its new members", async () => {
    const params = { projectKey: project.project.key, environmentKey: "production", segmentKey: SEGMENT_KEY };
    const deleted = await callRoute(segmentRoute.DELETE, {
      method: "DELETE",
      path: `/api/v2/segments/${params.projectKey}/production/${SEGMENT_KEY}`,
      params,
      token,
    });
    expect(deleted.status).toBe(204);
    await push(["dave"]);
    const recreated = await prisma.segment.findFirstOrThrow({
      where: { key: SEGMENT_KEY, environmentId: project.production.id },
    });
    expect(recreated.generation).toBe(2);
    await useSegment(2);
    await eventually(async () => (await matches("dave")) && !(await matches("alice")), 10_000);
    expect(await matches("carol")).toBe(false);

    const direct = new Redis({ host: "127.0.0.1", port: redis.port });
    const marker = Number(await direct.get(`${PREFIX}:big_segments_synchronized_on`));
    direct.disconnect();
    expect(Date.now() - marker).toBeLessThan(30_000);
    const status = await client.bigSegmentStoreStatusProvider.requireStatus();
    expect(status).toMatchObject({ available: true, stale: false });
  });
});
