import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import * as allRoute from "@/app/api/v2/integration-capabilities/big-segment-store/route";
import * as listRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as itemRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/route";
import * as testRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/test-connection/route";
import * as resyncRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/resync/route";
import * as auditRoute from "@/app/api/v2/auditlog/route";
import { prisma } from "@/lib/server/db";
import { newStoreWorkerState, runStoreWorkerPass } from "@/lib/server/stores/run-store-worker-pass";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { startEchoProxy } from "@/tests/support/echo-proxy";
import { startRecordingListener, type RecordingListener } from "@/tests/support/recording-listener";
import { startRedis } from "@/tests/support/start-redis";

const BASE = "/api/v2/integration-capabilities/big-segment-store";
const listeners: RecordingListener[] = [];

afterEach(async () => {
  // The worker pass below visits every enabled store of this file's database: leave none behind for the next test.
  await prisma.storeIntegration.updateMany({ data: { on: false } });
  for (const listener of listeners.splice(0)) await listener.close();
});

async function listener(reply?: (chunk: string) => string) {
  const started = await startRecordingListener(reply);
  listeners.push(started);
  return started;
}

async function storeOf(config: Record<string, unknown>, projectKey?: string) {
  const key = projectKey ?? (await createTestProject()).project.key;
  const writer = (await createTestToken({ role: "writer" })).value;
  const location = { projectKey: key, environmentKey: "production", integrationKey: "redis" };
  const created = await callRoute(listRoute.POST, {
    path: `${BASE}/${key}/production/redis`,
    params: location,
    token: writer,
    body: { name: "Cache", config: { prefix: unique("sec"), ...config } },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const id = (created.json as { _id: string })._id;
  const params = { ...location, integrationId: id };
  const path = `${BASE}/${key}/production/redis/${id}`;
  const patch = (body: unknown, token = writer) =>
    callRoute(itemRoute.PATCH, { method: "PATCH", path, params, token, body });
  const testConnection = (token = writer) =>
    callRoute(testRoute.POST, { path: `${path}/test-connection`, params, token });
  return { id, key, writer, params, path, created, patch, testConnection };
}

describe("a store's password stays with the server it was given for", () => {
  it("moving the store to another port drops the password: neither test-connection nor the worker sends it there", async () => {
    const secret = unique("old-password");
    const store = await storeOf({ host: "127.0.0.1", port: 1, password: secret });
    const target = await listener();

    const moved = await store.patch([{ op: "replace", path: "/config/port", value: target.port }]);
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ config: { port: target.port, passwordSet: false } });
    expect((await store.testConnection()).json).toMatchObject({ ok: false });
    await runStoreWorkerPass(newStoreWorkerState());
    expect(target.connections()).toBeGreaterThan(0);
    expect(target.received()).not.toContain(secret);
    expect(
      (await prisma.storeIntegration.findUniqueOrThrow({ where: { id: store.id } })).password,
    ).toBeNull();
  });

  it("keeps the password when the target stays, and takes a new one given in the same patch", async () => {
    const store = await storeOf({ host: "127.0.0.1", port: 1, password: "first" });
    const renamed = await store.patch([{ op: "replace", path: "/name", value: "Renamed" }]);
    expect(renamed.json).toMatchObject({ config: { passwordSet: true } });
    const moved = await store.patch([
      { op: "replace", path: "/config/host", value: "localhost" },
      { op: "replace", path: "/config/password", value: "second" },
    ]);
    expect(moved.json).toMatchObject({ config: { host: "localhost", passwordSet: true } });
    expect((await prisma.storeIntegration.findUniqueOrThrow({ where: { id: store.id } })).password).toBe(
      "second",
    );
  });

  it("test-connection needs updateIntegration: a reader gets 403 and nothing is contacted", async () => {
    const target = await listener();
    const store = await storeOf({ host: "127.0.0.1", port: target.port, password: "pw" });
    const reader = (await createTestToken({ role: "reader" })).value;
    expectError(await store.testConnection(reader), 403, "forbidden");
    expect(target.connections()).toBe(0);
  });

  it("a JSON Patch test on /config/password is no oracle: it fails whether the guess is right or wrong", async () => {
    const store = await storeOf({ host: "127.0.0.1", port: 1, password: "guess-me" });
    for (const guess of ["guess-me", "wrong"]) {
      const probed = await store.patch([
        { op: "test", path: "/config/password", value: guess },
        { op: "replace", path: "/name", value: "Probed" },
      ]);
      expectError(probed, 409, "optimistic_locking_error");
    }
    expect((await prisma.storeIntegration.findUniqueOrThrow({ where: { id: store.id } })).name).toBe("Cache");
  });

  it("an error a server sends back never shows the password, and is cut to 500 characters", async () => {
    const secret = unique("echoed-password");
    const redisServer = await startRedis();
    const admin = new Redis({ host: "127.0.0.1", port: redisServer.port });
    await admin.config("SET", "requirepass", secret);
    admin.disconnect();
    const proxy = await startEchoProxy(redisServer.port, { padTo: 5000 });
    try {
      const store = await storeOf({ host: "127.0.0.1", port: proxy.port, password: secret });
      const tested = (await store.testConnection()).json as { ok: boolean; error: string };
      expect(tested).toMatchObject({ ok: false, error: expect.stringContaining("you said") });
      expect(tested.error).not.toContain(secret);
      expect(tested.error.length).toBeLessThanOrEqual(500);

      await runStoreWorkerPass(newStoreWorkerState());
      const fetched = await callRoute(itemRoute.GET, {
        path: store.path,
        params: store.params,
        token: store.writer,
      });
      const status = (
        fetched.json as { _status: { lastError?: number; errors?: { message: string; timestamp: number }[] } }
      )._status;
      const [failure] = status.errors ?? [];
      expect(failure?.message).toContain("you said");
      expect(failure?.message.length).toBeLessThanOrEqual(500);
      expect(failure?.timestamp).toBe(status.lastError);
      expect(JSON.stringify(fetched.json)).not.toContain(secret);
    } finally {
      await proxy.close();
      await redisServer.stop();
    }
  });
});

describe("credentials inside a store URL", () => {
  it("move to username and the write-only password: never in answers, lists or the audit log", async () => {
    const secret = unique("url-secret");
    const store = await storeOf({
      url: `redis://alice:${encodeURIComponent(`p@ss:${secret}`)}@127.0.0.1:1/3`,
    });
    expect(store.created.json).toMatchObject({
      config: {
        url: "redis://127.0.0.1:1/3",
        host: "127.0.0.1",
        port: 1,
        db: 3,
        username: "alice",
        passwordSet: true,
      },
    });
    const row = await prisma.storeIntegration.findUniqueOrThrow({ where: { id: store.id } });
    expect(row.password).toBe(`p@ss:${secret}`);
    const next = unique("next-secret");
    const patched = await store.patch([
      { op: "replace", path: "/config/url", value: `redis://:${next}@127.0.0.1:2/4` },
    ]);
    expect(patched.json).toMatchObject({ config: { url: "redis://127.0.0.1:2/4", passwordSet: true } });

    const answers = [
      store.created,
      patched,
      await callRoute(itemRoute.GET, { path: store.path, params: store.params, token: store.writer }),
      await callRoute(listRoute.GET, {
        path: `${BASE}/${store.key}/production/redis`,
        params: store.params,
        token: store.writer,
      }),
      await callRoute(allRoute.GET, { path: BASE, token: store.writer }),
      await callRoute(auditRoute.GET, { path: "/api/v2/auditlog?limit=20", token: store.writer }),
    ];
    const audit = JSON.stringify(answers.at(-1)?.json);
    expect(audit).toContain("redis://127.0.0.1:1/3");
    expect(audit).toContain("redis://127.0.0.1:2/4");
    for (const answer of answers) {
      expect(answer.status).toBe(answer === store.created ? 201 : 200);
      expect(JSON.stringify(answer.json)).not.toContain(secret);
      expect(JSON.stringify(answer.json)).not.toContain(next);
    }
  });
});

describe("what a caller may not view answers like what does not exist", () => {
  type Store = Awaited<ReturnType<typeof storeOf>>;

  /** Every route on one store, with a patch whose `test` fails: it must not be evaluated for a hidden store. */
  function itemCalls(store: Store, token: string) {
    const at = { path: store.path, params: store.params, token };
    return Promise.all([
      callRoute(itemRoute.GET, at),
      store.patch(
        [
          { op: "test", path: "/version", value: 99 },
          { op: "replace", path: "/name", value: "x" },
        ],
        token,
      ),
      callRoute(itemRoute.DELETE, { ...at, method: "DELETE" }),
      store.testConnection(token),
      callRoute(resyncRoute.POST, { ...at, path: `${store.path}/resync` }),
    ]);
  }

  async function expectUntouched(store: Store) {
    expect(await prisma.storeIntegration.findUniqueOrThrow({ where: { id: store.id } })).toMatchObject({
      name: "Cache",
      version: 1,
      needsFullSync: true,
    });
  }

  it("a project or environment the caller may not view: every store route answers like an unknown project", async () => {
    const hidden = await storeOf({ host: "127.0.0.1", port: 1 });
    const own = (await createTestProject()).project.key;
    const onlyOwn = (
      await createTestToken({
        policy: [
          {
            effect: "allow",
            actions: ["*"],
            resources: [`proj/${own}`, `proj/${own}:env/*`, `proj/${own}:env/*:integration/*`],
          },
        ],
      })
    ).value;
    const gone = unique("gone");
    const absent = await callRoute(listRoute.GET, {
      path: `${BASE}/${gone}/production/redis`,
      params: { projectKey: gone, environmentKey: "production", integrationKey: "redis" },
      token: hidden.writer,
    });
    expectError(absent, 404, "not_found");
    const notFound = {
      code: "not_found",
      message: (absent.json as { message: string }).message.replace(gone, hidden.key),
    };
    const location = { projectKey: hidden.key, environmentKey: "production", integrationKey: "redis" };
    const listPath = `${BASE}/${hidden.key}/production/redis`;
    const answers = [
      await callRoute(listRoute.GET, { path: listPath, params: location, token: onlyOwn }),
      await callRoute(listRoute.POST, {
        path: listPath,
        params: location,
        token: onlyOwn,
        body: { name: "Probe", config: { host: "127.0.0.1", prefix: unique("probe") } },
      }),
      ...(await itemCalls(hidden, onlyOwn)),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject(notFound);
      expect(Object.keys(answer.json as object).sort()).toEqual(["code", "id", "message"]);
    }
    const all = await callRoute(allRoute.GET, { path: BASE, token: onlyOwn });
    expect(JSON.stringify(all.json)).not.toContain(hidden.id);
    await expectUntouched(hidden);
  });

  it("a store the caller may not view, in an environment it may: like an unknown store, before its patch's test", async () => {
    const hidden = await storeOf({ host: "127.0.0.1", port: 1 });
    const environment = `proj/${hidden.key}:env/production`;
    const notThisStore = (
      await createTestToken({
        policy: [
          { effect: "allow", actions: ["*"], resources: [environment, `${environment}:integration/*`] },
          {
            effect: "deny",
            actions: ["viewIntegration"],
            resources: [`${environment}:integration/${hidden.id}`],
          },
        ],
      })
    ).value;
    // The same id under an environment without such a store: what "does not exist" looks like.
    const unknown = await callRoute(itemRoute.GET, {
      path: `${BASE}/${hidden.key}/test/redis/${hidden.id}`,
      params: { ...hidden.params, environmentKey: "test" },
      token: hidden.writer,
    });
    expectError(unknown, 404, "not_found");
    const notFound = { code: "not_found", message: (unknown.json as { message: string }).message };
    for (const answer of await itemCalls(hidden, notThisStore)) {
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject(notFound);
    }
    const listed = await callRoute(listRoute.GET, {
      path: `${BASE}/${hidden.key}/production/redis`,
      params: { projectKey: hidden.key, environmentKey: "production", integrationKey: "redis" },
      token: notThisStore,
    });
    expect((listed.json as { items: unknown[] }).items).toEqual([]);
    await expectUntouched(hidden);
  });
});
