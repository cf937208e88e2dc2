import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as itemRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/route";
import * as testRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/test-connection/route";
import { env, setEnv } from "@/lib/env";
import { prisma } from "@/lib/server/db";
import { includeSetKey } from "@/lib/server/stores/big-segment-keys";
import { fullResyncStore } from "@/lib/server/stores/full-resync-store";
import { parseStoredConfig } from "@/lib/server/stores/parse-stored-config";
import { newStoreWorkerState, runStoreWorkerPass } from "@/lib/server/stores/run-store-worker-pass";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { startRecordingListener } from "@/tests/support/recording-listener";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";

const BASE = "/api/v2/integration-capabilities/big-segment-store";

let writer: string;
beforeAll(async () => {
  writer = (await createTestToken({ role: "writer" })).value;
});

afterEach(async () => {
  setEnv("TRIBUTARY_STORE_ALLOWED_HOSTS", "");
  await prisma.storeIntegration.updateMany({ data: { on: false } });
});

async function create(config: Record<string, unknown>, projectKey?: string) {
  const key = projectKey ?? (await createTestProject()).project.key;
  const params = { projectKey: key, environmentKey: "production", integrationKey: "redis" };
  const response = await callRoute(listRoute.POST, {
    path: `${BASE}/${key}/production/redis`,
    params,
    token: writer,
    body: { name: "Cache", config },
  });
  const id = (response.json as { _id?: string })._id ?? "";
  return {
    response,
    id,
    key,
    itemParams: { ...params, integrationId: id },
    path: `${BASE}/${key}/production/redis/${id}`,
  };
}

describe("store URLs and ports", () => {
  it.each([
    [
      "a query string (ioredis reads options from it)",
      { url: "redis://127.0.0.1:6379/?path=/var/run/postgresql/.s.PGSQL.5432" },
    ],
    ["an empty query string", { url: "redis://127.0.0.1:6379/0?" }],
    ["a fragment", { url: "redis://127.0.0.1/0#x" }],
    ["a path other than /<db>", { url: "redis://127.0.0.1/tmp/redis.sock" }],
    ["a database over the limit", { url: "redis://127.0.0.1/999" }],
    ["an unparsable URL", { url: "redis://[" }],
    ["another scheme", { url: "unix:///tmp/redis.sock" }],
    ["a URL port of 99999", { url: "redis://127.0.0.1:99999" }],
    ["a URL port of 0", { url: "redis://127.0.0.1:0" }],
    ["a URL with host and port given too", { url: "redis://127.0.0.1", port: 6379 }],
    ["credentials given twice", { url: "redis://:a@127.0.0.1", password: "b" }],
    ["a port of 99999", { host: "127.0.0.1", port: 99999 }],
    ["a port of 0", { host: "127.0.0.1", port: 0 }],
    ["a negative port", { host: "127.0.0.1", port: -1 }],
    ["a fractional port", { host: "127.0.0.1", port: 1.5 }],
    ["a host that is no host name", { host: "evil/../../x" }],
  ])("refuses %s with 400 and writes nothing", async (_case, config) => {
    const before = await prisma.storeIntegration.count();
    const { response } = await create({ prefix: unique("bad"), ...config });
    expectError(response, 400, "invalid_request");
    expect(await prisma.storeIntegration.count()).toBe(before);
  });

  it("refuses a bad URL in a patch with 400 and changes nothing", async () => {
    const store = await create({ host: "127.0.0.1", port: 1, prefix: unique("patch") });
    for (const url of ["redis://127.0.0.1/?path=/tmp/x", "redis://[", "redis://127.0.0.1:0"]) {
      const patched = await callRoute(itemRoute.PATCH, {
        method: "PATCH",
        path: store.path,
        params: store.itemParams,
        token: writer,
        body: [
          { op: "add", path: "/config/url", value: url },
          { op: "remove", path: "/config/host" },
        ],
      });
      expectError(patched, 400, "invalid_request");
    }
    expect(await prisma.storeIntegration.findUniqueOrThrow({ where: { id: store.id } })).toMatchObject({
      version: 1,
    });
  });
});

describe("TRIBUTARY_STORE_ALLOWED_HOSTS", () => {
  it("refuses other hosts on create and update, and never contacts a store whose host it no longer names", async () => {
    const target = await startRecordingListener();
    try {
      const earlier = await create({ host: "127.0.0.1", port: target.port, prefix: unique("earlier") });
      expect(earlier.response.status).toBe(201);
      setEnv("TRIBUTARY_STORE_ALLOWED_HOSTS", " Redis.Internal ,10.0.0.7");
      expect(env().TRIBUTARY_STORE_ALLOWED_HOSTS).toEqual(["redis.internal", "10.0.0.7"]);

      expectError((await create({ host: "127.0.0.1", port: target.port })).response, 400, "invalid_request");
      expectError(
        (await create({ url: `redis://localhost:${target.port}` })).response,
        400,
        "invalid_request",
      );
      expect((await create({ host: "REDIS.internal", prefix: unique("ok") })).response.status).toBe(201);
      const moved = await callRoute(itemRoute.PATCH, {
        method: "PATCH",
        path: earlier.path,
        params: earlier.itemParams,
        token: writer,
        body: [{ op: "replace", path: "/config/port", value: 6380 }],
      });
      expectError(moved, 400, "invalid_request");
      // Staying on a host the list no longer names is allowed: the store can still be turned off.
      for (const on of [false, true]) {
        const toggled = await callRoute(itemRoute.PATCH, {
          method: "PATCH",
          path: earlier.path,
          params: earlier.itemParams,
          token: writer,
          body: [{ op: "replace", path: "/on", value: on }],
        });
        expect(toggled.status).toBe(200);
      }

      const tested = await callRoute(testRoute.POST, {
        path: `${earlier.path}/test-connection`,
        params: earlier.itemParams,
        token: writer,
      });
      expect(tested.json).toMatchObject({
        ok: false,
        error: expect.stringContaining("TRIBUTARY_STORE_ALLOWED_HOSTS"),
      });
      await runStoreWorkerPass(newStoreWorkerState());
      expect(target.connections()).toBe(0);
    } finally {
      await target.close();
    }
  });

  it("is validated: an entry that is no host name stops the app from reading its environment", () => {
    setEnv("TRIBUTARY_STORE_ALLOWED_HOSTS", "redis.internal,not a host");
    expect(() => env()).toThrow(/TRIBUTARY_STORE_ALLOWED_HOSTS/);
    setEnv("TRIBUTARY_STORE_ALLOWED_HOSTS", "");
    expect(env().TRIBUTARY_STORE_ALLOWED_HOSTS).toBeNull();
  });
});

describe("one store per Redis target", () => {
  it("a second store on the same host, port, db and prefix is 409 in any project, however the host is spelled", async () => {
    const prefix = unique("shared");
    expect((await create({ host: "127.0.0.1", port: 1, prefix })).response.status).toBe(201);
    const before = await prisma.storeIntegration.count();
    for (const config of [
      { host: "127.0.0.1", port: 1, prefix },
      { url: "redis://0x7f.0.0.1:1/0", prefix },
      { host: "127.000.000.001", port: 1, prefix },
    ]) {
      expectError((await create(config)).response, 409, "conflict");
    }
    expect(await prisma.storeIntegration.count()).toBe(before);
    expect((await create({ url: "redis://127.0.0.1:1/1", prefix })).response.status).toBe(201);
    expect((await create({ host: "127.0.0.1", port: 1, prefix: `${prefix}-b` })).response.status).toBe(201);

    const other = await create({ host: "127.0.0.1", port: 2, prefix });
    const onto = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      path: other.path,
      params: other.itemParams,
      token: writer,
      body: [{ op: "replace", path: "/config/port", value: 1 }],
    });
    expectError(onto, 409, "conflict");
  });

  it("of two concurrent creates on one target, exactly one succeeds", async () => {
    const prefix = unique("race");
    const { project } = await createTestProject();
    const { project: second } = await createTestProject();
    const answers = await Promise.all([
      create({ host: "127.0.0.1", port: 1, prefix }, project.key),
      create({ host: "127.0.0.1", port: 1, prefix }, second.key),
    ]);
    expect(answers.map((answer) => answer.response.status).sort()).toEqual([201, 409]);
  });
});

describe("a full resync", () => {
  let redisServer: RedisHandle;
  let redis: Redis;
  beforeAll(async () => {
    redisServer = await startRedis();
    redis = new Redis({ host: "127.0.0.1", port: redisServer.port });
  });
  afterAll(async () => {
    redis.disconnect();
    await redisServer.stop();
  });

  it("removes only refs of its own environment's segments, never what another writer put under the prefix", async () => {
    const prefix = unique("resync");
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["a"] });
    const store = await create({ host: "127.0.0.1", port: redisServer.port, prefix }, project.key);
    const ref = `${segment.key}.g${segment.generation}`;
    await redis.sadd(includeSetKey(prefix, "a"), "foreign-segment.g1");
    await redis.sadd(
      includeSetKey(prefix, "stale"),
      `${segment.key}.g${segment.generation + 5}`,
      "foreign-segment.g2",
    );
    await redis.sadd(includeSetKey(prefix, "gone"), `${segment.key}.g0`);
    // A store whose prefix extends this one's: its keys match this store's SCAN pattern but are not this store's.
    const longer = includeSetKey(`${prefix}:big_segment_include`, "a");
    await redis.sadd(longer, ref);

    const row = await prisma.storeIntegration.findUniqueOrThrow({ where: { id: store.id } });
    const client = new Redis({ host: "127.0.0.1", port: redisServer.port });
    try {
      await fullResyncStore(
        {
          id: row.id,
          environmentId: row.environmentId,
          config: parseStoredConfig(row.config),
          password: null,
          outboxCursor: "0",
          needsFullSync: true,
          version: row.version,
        },
        client,
      );
    } finally {
      client.disconnect();
    }
    expect((await redis.smembers(includeSetKey(prefix, "a"))).sort()).toEqual(
      ["foreign-segment.g1", ref].sort(),
    );
    expect(await redis.smembers(includeSetKey(prefix, "stale"))).toEqual(["foreign-segment.g2"]);
    expect(await redis.exists(includeSetKey(prefix, "gone"))).toBe(0);
    expect(await redis.smembers(longer)).toEqual([ref]);
  });
});
