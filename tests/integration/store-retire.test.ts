import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as itemRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/route";
import { prisma } from "@/lib/server/db";
import { includeSetKey, synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { newStoreWorkerState, runStoreWorkerPass } from "@/lib/server/stores/run-store-worker-pass";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";

const BASE = "/api/v2/integration-capabilities/big-segment-store";

let redisServer: RedisHandle;
let redis: Redis;
let writer: string;

beforeAll(async () => {
  redisServer = await startRedis();
  redis = new Redis({ host: "127.0.0.1", port: redisServer.port });
  writer = (await createTestToken({ role: "writer" })).value;
});

afterAll(async () => {
  redis.disconnect();
  await redisServer.stop();
});

/** A project whose store at `prefix` on the test Redis holds one segment's member "a", synced by the worker. */
async function syncedStore(prefix: string) {
  const { project, production } = await createTestProject();
  const segment = await createTestSegment(production, { members: ["a"] });
  const params = { projectKey: project.key, environmentKey: "production", integrationKey: "redis" };
  const created = await callRoute(listRoute.POST, {
    path: `${BASE}/${project.key}/production/redis`,
    params,
    token: writer,
    body: { name: "Cache", config: { host: "127.0.0.1", port: redisServer.port, prefix } },
  });
  expect(created.status).toBe(201);
  const id = (created.json as { _id: string })._id;
  await runStoreWorkerPass(newStoreWorkerState());
  const ref = `${segment.key}.g${segment.generation}`;
  expect(await redis.smembers(includeSetKey(prefix, "a"))).toEqual([ref]);
  return {
    id,
    ref,
    project,
    itemParams: { ...params, integrationId: id },
    path: `${BASE}/${project.key}/production/redis/${id}`,
  };
}

async function createIn(projectKey: string, prefix: string) {
  return callRoute(listRoute.POST, {
    path: `${BASE}/${projectKey}/production/redis`,
    params: { projectKey, environmentKey: "production", integrationKey: "redis" },
    token: writer,
    body: { name: "Next", on: false, config: { host: "127.0.0.1", port: redisServer.port, prefix } },
  });
}

describe("a deleted or moved store does not leave its data to whoever takes its target next", () => {
  it("delete: the worker removes the store's refs and marker, and only then frees the target for another project", async () => {
    const prefix = unique("deleted");
    const store = await syncedStore(prefix);
    const other = (await createTestProject()).project.key;
    await redis.sadd(includeSetKey(prefix, "a"), "someone-else.g1");

    const deleted = await callRoute(itemRoute.DELETE, {
      method: "DELETE",
      path: store.path,
      params: store.itemParams,
      token: writer,
    });
    expect(deleted.status).toBe(204);
    expectError(
      await callRoute(itemRoute.GET, { path: store.path, params: store.itemParams, token: writer }),
      404,
      "not_found",
    );
    expectError(await createIn(other, prefix), 409, "conflict");

    await runStoreWorkerPass(newStoreWorkerState());
    expect(await redis.smembers(includeSetKey(prefix, "a"))).toEqual(["someone-else.g1"]);
    expect(await redis.exists(synchronizedOnKey(prefix))).toBe(0);
    expect(await prisma.storeIntegration.count({ where: { id: store.id } })).toBe(0);
    expect((await createIn(other, prefix)).status).toBe(201);
  });

  it("delete and create again in the same environment: no wait, the new store's rebuild covers the old data", async () => {
    const prefix = unique("again");
    const store = await syncedStore(prefix);
    await callRoute(itemRoute.DELETE, {
      method: "DELETE",
      path: store.path,
      params: store.itemParams,
      token: writer,
    });
    expect((await createIn(store.project.key, prefix)).status).toBe(201);
  });

  it("move: the old target is cleaned up, the new one rebuilt", async () => {
    const prefix = unique("old");
    const store = await syncedStore(prefix);
    const next = unique("new");
    const moved = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      path: store.path,
      params: store.itemParams,
      token: writer,
      body: [{ op: "replace", path: "/config/prefix", value: next }],
    });
    expect(moved.status).toBe(200);
    await runStoreWorkerPass(newStoreWorkerState());
    expect(await redis.exists(includeSetKey(prefix, "a"))).toBe(0);
    expect(await redis.exists(synchronizedOnKey(prefix))).toBe(0);
    expect(await redis.smembers(includeSetKey(next, "a"))).toEqual([store.ref]);
    expect(await prisma.storeIntegration.count({ where: { retiredAt: { not: null } } })).toBe(0);
  });
});
