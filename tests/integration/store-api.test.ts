import { describe, expect, it } from "vitest";
import * as allRoute from "@/app/api/v2/integration-capabilities/big-segment-store/route";
import * as listRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as itemRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/route";
import * as testRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/test-connection/route";
import * as resyncRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/resync/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const BASE = "/api/v2/integration-capabilities/big-segment-store";

async function setup() {
  const { project, token: writer, params } = await createTestTenant();
  return {
    project,
    writer,
    params: { ...params, integrationKey: "redis" },
    path: `${BASE}/${project.key}/production/redis`,
  };
}

async function create(setupResult: Awaited<ReturnType<typeof setup>>, body: unknown = {}) {
  return callRoute(listRoute.POST, {
    path: setupResult.path,
    params: setupResult.params,
    token: setupResult.writer,
    body: {
      name: "Cache",
      // A prefix of its own: one store per Redis target (host, port, db, prefix).
      config: { host: "127.0.0.1", port: 1, password: "s3cret-redis-password", prefix: unique("ld") },
      ...(typeof body === "object" && body !== null ? body : {}),
    },
  });
}

describe("big-segment store integrations API", () => {
  it("creates a Redis store: 201, the password is never returned, status is reported, it is audited", async () => {
    const context = await setup();
    const response = await create(context);
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      integrationKey: "redis",
      name: "Cache",
      on: true,
      version: 1,
      config: { host: "127.0.0.1", port: 1, prefix: expect.stringMatching(/^ld-/), passwordSet: true },
      _status: { available: false, backlog: { entries: 0 } },
    });
    expect(JSON.stringify(response.json)).not.toContain("s3cret-redis-password");
    const audit = await prisma.auditEntry.findMany({ where: { kind: "integration" } });
    expect(JSON.stringify(audit)).not.toContain("s3cret-redis-password");

    const all = await callRoute(allRoute.GET, { path: BASE, token: context.writer });
    expect(JSON.stringify(all.json)).toContain('"name":"Cache"');
    const list = await callRoute(listRoute.GET, {
      path: context.path,
      params: context.params,
      token: context.writer,
    });
    expect(list.json).toMatchObject({ items: [{ name: "Cache" }] });
  });

  it("gets, patches (with optimistic locking), tests the connection, requests a resync, and deletes", async () => {
    const context = await setup();
    const created = await create(context);
    const id = (created.json as { _id: string })._id;
    const params = { ...context.params, integrationId: id };
    const path = `${context.path}/${id}`;

    const fetched = await callRoute(itemRoute.GET, { path, params, token: context.writer });
    expect(fetched.status).toBe(200);

    const patched = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      token: context.writer,
      body: [
        { op: "test", path: "/version", value: 1 },
        { op: "replace", path: "/name", value: "Renamed" },
        { op: "replace", path: "/on", value: false },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: "Renamed", on: false, version: 2 });

    const stale = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      token: context.writer,
      body: [
        { op: "test", path: "/version", value: 1 },
        { op: "replace", path: "/name", value: "Lost update" },
      ],
    });
    expectError(stale, 409, "optimistic_locking_error");

    const badPath = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      token: context.writer,
      body: [{ op: "replace", path: "/environmentId", value: "x" }],
    });
    expectError(badPath, 400, "invalid_request");

    // fast-json-patch's own message prints the whole document, password included: ours names the operation only.
    const unresolvable = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      token: context.writer,
      body: [{ op: "add", path: "/tags/7", value: "x" }],
    });
    expectError(unresolvable, 400, "invalid_request");
    expect((unresolvable.json as { message: string }).message).toMatch(/^Patch operation 0 on "\/tags\/7": /);
    expect(JSON.stringify(unresolvable.json)).not.toContain("s3cret-redis-password");
    const tooMany = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      token: context.writer,
      body: Array.from({ length: 101 }, () => ({ op: "test", path: "/version", value: 2 })),
    });
    expectError(tooMany, 400, "invalid_request");

    const tested = await callRoute(testRoute.POST, {
      path: `${path}/test-connection`,
      params,
      token: context.writer,
    });
    expect(tested.status).toBe(200);
    expect(tested.json).toMatchObject({ ok: false, error: expect.any(String) });

    const resync = await callRoute(resyncRoute.POST, {
      path: `${path}/resync`,
      params,
      token: context.writer,
    });
    expect(resync.status).toBe(202);
    expect((await prisma.storeIntegration.findUniqueOrThrow({ where: { id } })).needsFullSync).toBe(true);

    const deleted = await callRoute(itemRoute.DELETE, {
      method: "DELETE",
      path,
      params,
      token: context.writer,
    });
    expect(deleted.status).toBe(204);
    expectError(await callRoute(itemRoute.GET, { path, params, token: context.writer }), 404, "not_found");
  });

  it.each([
    ["no host or url", { config: { port: 6379 } }],
    ["a bad port", { config: { host: "x", port: 70000 } }],
    ["an empty name", { name: "" }],
    ["a bad prefix", { config: { host: "x", prefix: "has space" } }],
  ])("rejects %s with 400 and writes nothing", async (_case, body) => {
    const context = await setup();
    const before = await prisma.storeIntegration.count();
    expectError(await create(context, body), 400, "invalid_request");
    expect(await prisma.storeIntegration.count()).toBe(before);
  });

  it("answers 404 for an unknown integration key or environment", async () => {
    const context = await setup();
    const unknownKey = await callRoute(listRoute.POST, {
      path: `${BASE}/${context.project.key}/production/dynamodb`,
      params: { ...context.params, integrationKey: "dynamodb" },
      token: context.writer,
      body: { name: "x", config: { host: "x" } },
    });
    expectError(unknownKey, 404, "not_found");
    const unknownEnvironment = await callRoute(listRoute.POST, {
      path: `${BASE}/${context.project.key}/nope/redis`,
      params: { ...context.params, environmentKey: "nope" },
      token: context.writer,
      body: { name: "x", config: { host: "x" } },
    });
    expectError(unknownEnvironment, 404, "not_found");
  });

  it("answers 401 without a token, 403 for a reader and 404 for the minimum sync policy, writing nothing", async () => {
    const context = await setup();
    const body = { name: "x", config: { host: "127.0.0.1" } };
    expectError(
      await callRoute(listRoute.POST, { path: context.path, params: context.params, body }),
      401,
      "unauthorized",
    );
    const reader = await createTestToken({ role: "reader" });
    expectError(
      await callRoute(listRoute.POST, {
        path: context.path,
        params: context.params,
        body,
        token: reader.value,
      }),
      403,
      "forbidden",
    );
    const sync = await createTestToken({
      policy: [
        {
          effect: "allow",
          actions: ["createSegment", "updateIncluded"],
          resources: ["proj/*:env/*:segment/*"],
        },
      ],
    });
    // The sync policy may not even view the environment: it is answered as if the environment did not exist.
    expectError(
      await callRoute(listRoute.POST, {
        path: context.path,
        params: context.params,
        body,
        token: sync.value,
      }),
      404,
      "not_found",
    );
    const created = await create(context);
    const id = (created.json as { _id: string })._id;
    const params = { ...context.params, integrationId: id };
    expectError(
      await callRoute(itemRoute.DELETE, {
        method: "DELETE",
        path: `${context.path}/${id}`,
        params,
        token: reader.value,
      }),
      403,
      "forbidden",
    );
    expect(await prisma.storeIntegration.count({ where: { id } })).toBe(1);
  });
});
