import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as storeRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as partnerRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { pgPool, prisma } from "@/lib/server/db";
import { includeSetKey } from "@/lib/server/stores/big-segment-keys";
import { startStoreWorker } from "@/lib/server/stores/start-store-worker";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";

const PREFIX = "fault";
const BATCH = 10_000;

let redis: RedisHandle;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await stopWorker();
  await redis.stop();
});

it("a Redis outage of 20 seconds during pushes: no push fails, the outbox drains, the store equals PostgreSQL", async () => {
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
      body: {
        environmentId: production.clientSideId,
        cohortId: "fault",
        cohortName: "Fault",
        listData: { add: add.map((id) => ({ id })), remove: remove.map((id) => ({ id })) },
      },
    });
    expect(response.status).toBe(204);
  };

  for (let batch = 0; batch < 3; batch++) await push(keys.slice(batch * BATCH, (batch + 1) * BATCH));
  await redis.stop();
  const outageStarted = Date.now();
  for (let batch = 3; batch < 7; batch++) {
    await push(keys.slice(batch * BATCH, (batch + 1) * BATCH), keys.slice(batch * 100, batch * 100 + 50));
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20_000 - (Date.now() - outageStarted))));
  await redis.start();
  for (let batch = 7; batch < 10; batch++) await push(keys.slice(batch * BATCH, (batch + 1) * BATCH));

  const segment = await prisma.segment.findFirstOrThrow({
    where: { environmentId: production.id, key: "rudderstack-fault" },
  });
  const ref = `${segment.key}.g${segment.generation}`;
  // Drained: the store's cursor has passed every outbox row of this environment.
  const started = Date.now();
  for (;;) {
    const backlog = await pgPool().query<{ pending: string }>(
      `select count(*)::text as pending from membership_outbox o join store_integration s on s.environment_id = o.environment_id
       where o.environment_id = $1 and o.txid >= s.outbox_cursor`,
      [production.id],
    );
    if (backlog.rows[0]?.pending === "0") break;
    if (Date.now() - started > 60_000) throw new Error("the outbox did not drain within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

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
}, 180_000);
