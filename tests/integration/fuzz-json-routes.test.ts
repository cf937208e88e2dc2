import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accessCheckRoute from "@/app/api/v2/access/check/route";
import * as storeListRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as storeRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/route";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import * as membersRoute from "@/app/api/v2/members/route";
import * as evaluateRoute from "@/app/api/v2/projects/[projectKey]/environments/[environmentKey]/segments/evaluate/route";
import * as environmentsRoute from "@/app/api/v2/projects/[projectKey]/environments/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import * as roleRoute from "@/app/api/v2/roles/[roleKey]/route";
import * as rolesRoute from "@/app/api/v2/roles/route";
import * as partnerRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as contextsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";
import * as chunksRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/chunks/route";
import * as commitRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/commit/route";
import * as importsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/route";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import * as segmentsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/route";
import * as segmentTagsRoute from "@/app/api/v2/segment-tags/[projectKey]/[environmentKey]/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import { setEnv } from "@/lib/env";
import { SEMANTIC_PATCH_MEDIA_TYPE } from "@/lib/schemas/segment";
import { API_ERROR_STATUS, type ApiErrorCode } from "@/lib/server/api/errors";
import { createTestMember } from "@/tests/factories/members";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { discoverApiRoutes } from "@/tests/support/api-routes";
import { callRoute } from "@/tests/support/call-route";
import { edgeCasesOf, hostileBodyText } from "@/tests/support/hostile-json";
import { commitWithoutFlushing } from "@/tests/support/fast-commits";
import { installWriteProbe, readWriteCounts, writesBetween } from "@/tests/support/write-probe";

const SEED = 0x5eed;
const RUNS_PER_ROUTE = 100;
const DEEP = 10_000;
/** Past the list limits of most routes (tags 50, access checks 200, policy lists 256, keys per bulk change 1,000). */
const OVER_LIST_CAP = 1_001;

type Params = Record<string, string>;
/** Any route's handler, whatever its own params type (method syntax: parameters compare bivariantly). */
type RouteFunction = {
  call(req: NextRequest, context: { params: Promise<Params> }): Promise<Response>;
}["call"];

/** What every fuzzed request is aimed at: existing objects, so that a body that survives validation reaches real work. */
type World = {
  token: string;
  projectKey: string;
  segmentKey: string;
  storeId: string;
  importId: string;
  roleKey: string;
  memberId: string;
  tokenId: string;
};

type JsonRoute = {
  name: string;
  handler: RouteFunction;
  method: "POST" | "PUT" | "PATCH";
  target: (world: World) => { path: string; params: Params };
  valid: (world: World) => unknown[];
  contentType?: string;
  /** The status of an accepted body. */
  success: number;
  /** Random bodies, after the fixed edge cases; `RUNS_PER_ROUTE` unless the route is expensive. */
  runs?: number;
  /** Items in the edge case that repeats each array: past this route's own largest list limit. */
  overCap?: number;
};

const segmentAt = (world: World, segmentKey = world.segmentKey) => ({
  path: `/api/v2/segments/${world.projectKey}/production/${segmentKey}`,
  params: { projectKey: world.projectKey, environmentKey: "production", segmentKey },
});

const importAt = (world: World, suffix: string) => {
  const { path, params } = segmentAt(world);
  return {
    path: `${path}/imports/${world.importId}${suffix}`,
    params: { ...params, importId: world.importId },
  };
};

const storeAt = (world: World) => ({
  path: `/api/v2/integration-capabilities/big-segment-store/${world.projectKey}/production/redis`,
  params: { projectKey: world.projectKey, environmentKey: "production", integrationKey: "redis" },
});

const rename = (value: string) => [[{ op: "replace", path: "/name", value }]];

const POLICY = [
  { effect: "allow", actions: ["viewSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

const JSON_ROUTES: JsonRoute[] = [
  {
    name: "POST /api/v2/access/check",
    handler: accessCheckRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/access/check", params: {} }),
    valid: (world) => [
      { checks: [{ action: "viewSegment", resource: `proj/${world.projectKey}:env/production:segment/x` }] },
      {
        checks: [{ action: "updateIncluded", resource: "proj/a:env/b:segment/c" }],
        policy: POLICY,
        policyName: "r",
      },
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}",
    handler: storeListRoute.POST,
    method: "POST",
    target: storeAt,
    valid: () => [
      {
        name: "Cache",
        on: false,
        tags: ["t"],
        config: { host: "127.0.0.1", port: 1, prefix: "ld", tls: false },
      },
      { name: "Url", config: { url: "redis://127.0.0.1:1", username: "u", password: "p", prefix: "url" } },
    ],
    success: 201,
  },
  {
    name: "PATCH /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}/{id}",
    handler: storeRoute.PATCH,
    method: "PATCH",
    target: (world) => {
      const { path, params } = storeAt(world);
      return { path: `${path}/${world.storeId}`, params: { ...params, integrationId: world.storeId } };
    },
    valid: () => [...rename("Renamed"), [{ op: "replace", path: "/config/port", value: 2 }]],
    success: 200,
  },
  {
    name: "PATCH /api/v2/members/{memberId}",
    handler: memberRoute.PATCH,
    method: "PATCH",
    target: (world) => ({ path: `/api/v2/members/${world.memberId}`, params: { memberId: world.memberId } }),
    valid: () => [
      [{ op: "replace", path: "/firstName", value: "Ada" }],
      { comment: "promote", patch: [{ op: "replace", path: "/role", value: "writer" }] },
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/members",
    handler: membersRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/members", params: {} }),
    valid: () => [
      { email: "fuzz@example.test", password: "correct-horse-battery", role: "reader", firstName: "F" },
    ],
    success: 201,
    // Every body that gets past validation costs a bcrypt hash.
    runs: 60,
  },
  {
    name: "POST /api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate",
    handler: evaluateRoute.POST,
    method: "POST",
    target: (world) => ({
      path: `/api/v2/projects/${world.projectKey}/environments/production/segments/evaluate`,
      params: { projectKey: world.projectKey, environmentKey: "production" },
    }),
    valid: () => [{ key: "a", kind: "user" }],
    success: 200,
  },
  {
    name: "POST /api/v2/projects/{projectKey}/environments",
    handler: environmentsRoute.POST,
    method: "POST",
    target: (world) => ({
      path: `/api/v2/projects/${world.projectKey}/environments`,
      params: { projectKey: world.projectKey },
    }),
    valid: () => [{ key: "staging", name: "Staging", tags: ["t"], color: "ff0000" }],
    success: 201,
  },
  {
    name: "POST /api/v2/projects",
    handler: projectsRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/projects", params: {} }),
    valid: () => [
      { key: "fuzz-project", name: "Fuzz", tags: ["t"] },
      { key: "fuzz-envs", name: "Fuzz", environments: [{ key: "live", name: "Live" }] },
    ],
    success: 201,
  },
  {
    name: "PATCH /api/v2/roles/{roleKey}",
    handler: roleRoute.PATCH,
    method: "PATCH",
    target: (world) => ({ path: `/api/v2/roles/${world.roleKey}`, params: { roleKey: world.roleKey } }),
    valid: () => [...rename("Renamed"), [{ op: "replace", path: "/policy", value: POLICY }]],
    success: 200,
  },
  {
    name: "POST /api/v2/roles",
    handler: rolesRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/roles", params: {} }),
    valid: () => [{ key: "fuzz-role", name: "Fuzz", description: "d", policy: POLICY }],
    success: 201,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/contexts",
    handler: contextsRoute.POST,
    method: "POST",
    target: (world) => {
      const { path, params } = segmentAt(world);
      return { path: `${path}/contexts`, params };
    },
    valid: () => [{ included: { add: ["a", "b"], remove: ["c"] }, excluded: { add: ["d"], remove: ["e"] } }],
    success: 204,
    overCap: 100_001,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/imports/{importId}/chunks",
    handler: chunksRoute.POST,
    method: "POST",
    target: (world) => importAt(world, "/chunks"),
    valid: () => [{ keys: ["a", "b", "c"] }],
    success: 200,
    overCap: 10_001,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/imports/{importId}/commit",
    handler: commitRoute.POST,
    method: "POST",
    target: (world) => importAt(world, "/commit"),
    valid: () => [{ confirm: true }],
    success: 200,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/imports",
    handler: importsRoute.POST,
    method: "POST",
    target: (world) => {
      const { path, params } = segmentAt(world);
      return { path: `${path}/imports`, params };
    },
    valid: () => [{ mode: "merge" }, { mode: "replace" }],
    success: 201,
  },
  {
    name: "PATCH /api/v2/segments/{p}/{e}/{s} (JSON Patch)",
    handler: segmentRoute.PATCH,
    method: "PATCH",
    target: (world) => segmentAt(world),
    valid: () => [
      ...rename("Renamed"),
      {
        comment: "c",
        patch: [
          { op: "add", path: "/tags/-", value: "t" },
          { op: "replace", path: "/description", value: "d" },
        ],
      },
    ],
    success: 200,
  },
  {
    name: "PATCH /api/v2/segments/{p}/{e}/{s} (semantic patch)",
    handler: segmentRoute.PATCH,
    method: "PATCH",
    target: (world) => segmentAt(world),
    contentType: SEMANTIC_PATCH_MEDIA_TYPE,
    valid: () => [
      {
        comment: "c",
        instructions: [
          { kind: "updateName", value: "Renamed" },
          { kind: "addTags", values: ["x", "y"] },
          { kind: "updateDescription", value: "d" },
        ],
      },
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/segment-tags/{p}/{e}",
    handler: segmentTagsRoute.POST,
    method: "POST",
    target: (world) => ({
      path: `/api/v2/segment-tags/${world.projectKey}/production`,
      params: { projectKey: world.projectKey, environmentKey: "production" },
    }),
    valid: (world) => [{ keys: [world.segmentKey], add: ["vip"], remove: ["old"] }],
    success: 200,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}",
    handler: segmentsRoute.POST,
    method: "POST",
    target: (world) => ({
      path: `/api/v2/segments/${world.projectKey}/production`,
      params: { projectKey: world.projectKey, environmentKey: "production" },
    }),
    valid: () => [
      {
        key: "fuzz-new",
        name: "New",
        description: "d",
        tags: ["t"],
        unbounded: true,
        unboundedContextKind: "user",
      },
    ],
    success: 201,
  },
  {
    name: "PATCH /api/v2/tokens/{tokenId}",
    handler: tokenRoute.PATCH,
    method: "PATCH",
    target: (world) => ({ path: `/api/v2/tokens/${world.tokenId}`, params: { tokenId: world.tokenId } }),
    valid: () => [
      ...rename("Renamed"),
      [
        { op: "replace", path: "/role", value: null },
        { op: "add", path: "/inlineRole", value: POLICY },
      ],
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/tokens",
    handler: tokensRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/tokens", params: {} }),
    valid: () => [
      { name: "fuzz", description: "d", role: "reader" },
      { name: "fuzz", inlineRole: POLICY, serviceToken: true, expiresAt: 4_102_444_800_000 },
    ],
    success: 201,
  },
];

let world: World;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

async function created(response: { status: number; json: unknown }, field: string): Promise<string> {
  expect(response.status).toBe(201);
  const value = (response.json as Record<string, unknown>)[field];
  if (typeof value !== "string") throw new Error(`no ${field} in ${JSON.stringify(response.json)}`);
  return Promise.resolve(value);
}

beforeAll(async () => {
  await commitWithoutFlushing();
  const admin = await createTestMember({ role: "admin" });
  const { value: token } = await createTestToken({ role: "admin", memberId: admin.member.id });
  const { project, production } = await createTestProject();
  const segment = await createTestSegment(production, { members: ["a", "b"] });
  const target = await createTestMember({ role: "reader" });
  const targetToken = await createTestToken({ role: "reader", memberId: admin.member.id });
  const base = { projectKey: project.key, segmentKey: segment.key };
  const store = await callRoute(storeListRoute.POST, {
    ...storeAt({ ...base } as World),
    token,
    body: { name: "Cache", on: false, config: { host: "127.0.0.1", port: 1 } },
  });
  const role = await callRoute(rolesRoute.POST, {
    path: "/api/v2/roles",
    token,
    body: { key: "fuzz-target", name: "Target", policy: POLICY },
  });
  const upload = await callRoute(importsRoute.POST, {
    path: `/api/v2/segments/${project.key}/production/${segment.key}/imports`,
    params: { projectKey: project.key, environmentKey: "production", segmentKey: segment.key },
    token,
    body: { mode: "merge" },
  });
  world = {
    token,
    ...base,
    storeId: await created(store, "_id"),
    importId: await created(upload, "_id"),
    roleKey: await created(role, "key"),
    memberId: target.member.id,
    tokenId: targetToken.token.id,
  };
  await installWriteProbe();
});

afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function sendAndCheck(route: JsonRoute, text: string) {
  const { path, params } = route.target(world);
  const before = await readWriteCounts();
  const response = await callRoute(route.handler, {
    method: route.method,
    path,
    params,
    token: world.token,
    rawBody: text,
    headers: { "content-type": route.contentType ?? "application/json" },
  });
  const writes = writesBetween(before, await readWriteCounts());

  expect(response.status, JSON.stringify(response.json)).toBeLessThan(500);
  if (response.status < 300) {
    expect(response.status).toBe(route.success);
    if (route.success === 204) expect(response.json).toBeNull();
    else expect(isRecord(response.json), JSON.stringify(response.json)).toBe(true);
    return;
  }
  expect(response.status).toBeGreaterThanOrEqual(400);
  const body = response.json;
  if (!isRecord(body)) throw new Error(`error body is not an object: ${JSON.stringify(body)}`);
  expect(Object.keys(body).sort()).toEqual(["code", "id", "message"]);
  expect(typeof body.message).toBe("string");
  expect(body.id).toBe(response.headers.get("x-request-id"));
  expect(API_ERROR_STATUS[body.code as ApiErrorCode]).toBe(response.status);
  expect(writes, `a ${response.status} wrote`).toEqual({});
}

describe("every JSON route with hostile bodies", () => {
  it("covers every route that reads a JSON body (the partner endpoint has a file of its own)", async () => {
    const fuzzed = new Set<unknown>([...JSON_ROUTES.map((route) => route.handler), partnerRoute.POST]);
    const missing: string[] = [];
    for (const route of await discoverApiRoutes()) {
      if (!/readJsonBody\(|readSegmentPatch\(|export \{ POST \} from/.test(route.source)) continue;
      for (const method of ["POST", "PUT", "PATCH"] as const) {
        const handler = route.handlers[method];
        if (handler && !fuzzed.has(handler)) missing.push(`${method} ${route.path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(JSON_ROUTES.map((route) => [route.name, route] as const))(
    "%s: 4xx with {code, message, id} and no write, never 5xx",
    async (_name, route) => {
      const valid = route.valid(world);
      const examples = valid
        .flatMap((payload) => edgeCasesOf(payload, { depth: DEEP, overCap: route.overCap ?? OVER_LIST_CAP }))
        .map((text): [string] => [text]);
      await fc.assert(
        fc.asyncProperty(hostileBodyText(valid), (text) => sendAndCheck(route, text)),
        {
          seed: SEED,
          numRuns: (route.runs ?? RUNS_PER_ROUTE) + examples.length,
          examples,
          endOnFailure: true,
        },
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe("a body over the size limit", () => {
  const LIMIT = 64 * 1024;
  const CHUNK = 16 * 1024;
  const OFFERED = 64 * 1024 * 1024;

  beforeAll(() => setEnv("TRIBUTARY_BODY_LIMIT_BYTES", String(LIMIT)));
  afterAll(() => setEnv("TRIBUTARY_BODY_LIMIT_BYTES", String(10 * 1024 * 1024)));

  /** A JSON body of `OFFERED` bytes that is produced only as it is read, counting what was pulled. */
  function endlessBody() {
    const counter = { pulled: 0 };
    const chunk = new TextEncoder().encode(`"${"x".repeat(CHUNK - 2)}",`);
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (counter.pulled === 0) controller.enqueue(new TextEncoder().encode("["));
          if (counter.pulled >= OFFERED) {
            controller.close();
            return;
          }
          counter.pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, counter };
  }

  const routes: { name: string; route: Pick<JsonRoute, "handler" | "method" | "target" | "contentType"> }[] =
    [
      ...JSON_ROUTES.map((route) => ({ name: route.name, route })),
      {
        name: "POST /api/v2/segment-targets/{integrationKey}",
        route: {
          handler: partnerRoute.POST,
          method: "POST",
          target: () => ({
            path: "/api/v2/segment-targets/amplitude",
            params: { integrationKey: "amplitude" },
          }),
        },
      },
    ];

  function streamedRequest(
    path: string,
    method: string,
    body: ReadableStream<Uint8Array>,
    headers: HeadersInit,
  ) {
    // `duplex` is required by fetch for a streamed body but missing from the DOM typings.
    const init = { method, headers, body, duplex: "half" } as RequestInit;
    return new NextRequest(
      new URL(path, "http://localhost:3000"),
      init as ConstructorParameters<typeof NextRequest>[1],
    );
  }

  it.each(routes.map(({ name, route }) => [name, route] as const))(
    "%s: 413 after reading little more than the limit",
    async (_name, route) => {
      const { path, params } = route.target(world);
      const { stream, counter } = endlessBody();
      const request = streamedRequest(path, route.method, stream, {
        authorization: world.token,
        "content-type": route.contentType ?? "application/json",
      });
      const response = await route.handler(request, { params: Promise.resolve(params) });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        code: "payload_too_large",
        message: expect.any(String),
        id: expect.any(String),
      });
      expect(counter.pulled).toBeGreaterThan(LIMIT);
      expect(counter.pulled).toBeLessThanOrEqual(LIMIT + 4 * CHUNK);
    },
  );

  it("refuses a declared Content-Length over the limit before reading any of the body", async () => {
    const { stream, counter } = endlessBody();
    const request = streamedRequest("/api/v2/segment-targets/amplitude", "POST", stream, {
      authorization: world.token,
      "content-type": "application/json",
      "content-length": String(OFFERED),
    });
    const response = await partnerRoute.POST(request, {
      params: Promise.resolve({ integrationKey: "amplitude" }),
    });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBe(0);
  });
});
