import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as storeRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as partnerRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { pgPool, prisma } from "@/lib/server/db";
import { includeSetKey } from "@/lib/server/stores/big-segment-keys";
import { startStoreWorker } from "@/lib/server/stores/start-store-worker";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
import { waitFor } from "@/tests/support/wait-for";

const PREFIX = "fault";
const BATCH = 10_000;
/** How long Redis stays down at least, unless TRIBUTARY_TEST_STORE_OUTAGE_MS says otherwise. */
const DEFAULT_OUTAGE_MS = 20_000;

/** The outage's length: a shorter one makes a quicker local run of the same steps. */
function outageMs(raw = process.env.TRIBUTARY_TEST_STORE_OUTAGE_MS): number {
  const value = raw === undefined || raw === "" ? DEFAULT_OUTAGE_MS : Number(raw);
  // NaN would make every wait below endless instead of failing.
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`TRIBUTARY_TEST_STORE_OUTAGE_MS must be a whole number of milliseconds, not "${raw}"`);
  }
  return value;
}

const OUTAGE_MS = outageMs();

let redis: RedisHandle;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await stopWorker();
  await redis.stop();
});

it(
  `a Redis outage of ${OUTAGE_MS / 1000} seconds during pushes: no push fails, the outbox drains, the store equals PostgreSQL`,
  async () => {
    const { project, production } = await createTestProject();
    const { value: token } = await createTestToken({ role: "writer" });
    const created = await callRoute(storeRoute.POST, {
      path: `/api/v2/integration-capabilities/big-segment-store/${project.key}/production/redis`,
      params: { projectKey: project.key, environmentKey: "production", integrationKey: "redis" },
      token,
      body: { name: "Fault Redis", config: { host: "127.0.0.1", port: redis.port, prefix: PREFIX } },
    });
    expect(created.status).toBe(201);
    stopWorker = startStoreWorker();

    const keys = Array.from({ length: 10 * BATCH }, (_, index) => `ctx-${index}`);
    const push = async (add: string[], remove: string[] = []) => {
      const response = await callRoute(partnerRoute.POST, {
        path: "/api/v2/segment-targets/rudderstack",
        params: { integrationKey: "rudderstack" },
        token,
        body: buildPartnerPayloads(
          INTEGRATIONS.rudderstack,
          { environmentId: production.clientSideId, cohortId: "fault", cohortName: "Fault" },
          { add, remove },
        )[0],
      });
      expect(response.status).toBe(204);
    };

    for (let batch = 0; batch < 3; batch++) await push(keys.slice(batch * BATCH, (batch + 1) * BATCH));
    await redis.stop();
    const outageStarted = Date.now();
    for (let batch = 3; batch < 7; batch++) {
      await push(keys.slice(batch * BATCH, (batch + 1) * BATCH), keys.slice(batch * 100, batch * 100 + 50));
    }
    // Redis comes back only once the worker has failed against it (the outage was seen) and the outage lasted OUTAGE_MS.
    await waitFor(
      async () => {
        const store = await prisma.storeIntegration.findFirstOrThrow({
          where: { environmentId: production.id },
        });
        return (
          (store.lastErrorAt?.getTime() ?? 0) >= outageStarted && Date.now() - outageStarted >= OUTAGE_MS
        );
      },
      { timeoutMs: OUTAGE_MS + 60_000, what: "the store worker to fail against the stopped Redis" },
    );
    await redis.start();
    for (let batch = 7; batch < 10; batch++) await push(keys.slice(batch * BATCH, (batch + 1) * BATCH));

    const segment = await prisma.segment.findFirstOrThrow({
      where: { environmentId: production.id, key: "rudderstack-fault" },
    });
    const ref = `${segment.key}.g${segment.generation}`;
    // Drained: the store's cursor has passed every outbox row of this environment.
    await waitFor(
      async () => {
        const backlog = await pgPool().query<{ pending: string }>(
          `select count(*)::text as pending from membership_outbox o join store_integration s on s.environment_id = o.environment_id
         where o.environment_id = $1 and o.txid >= s.outbox_cursor`,
          [production.id],
        );
        return backlog.rows[0]?.pending === "0";
      },
      { timeoutMs: 60_000, what: "the outbox to drain" },
    );

    const members = await pgPool().query<{ context_key: string }>(
      "select context_key from segment_member where segment_id = $1",
      [segment.id],
    );
    const memberSet = new Set(members.rows.map((row) => row.context_key));
    expect(memberSet.size).toBe(segment.includedCount);
    const client = new Redis({ host: "127.0.0.1", port: redis.port });
    const pipeline = client.pipeline();
    for (const key of keys) pipeline.sismember(includeSetKey(PREFIX, key), ref);
    const answers = await pipeline.exec();
    client.disconnect();
    const mismatches = keys.filter((key, index) => (answers?.[index]?.[1] === 1) !== memberSet.has(key));
    expect(mismatches).toEqual([]);
  },
  OUTAGE_MS + 180_000,
);
