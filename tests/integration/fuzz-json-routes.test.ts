import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as partnerRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { API_ERROR_STATUS, type ApiErrorCode } from "@/lib/server/api/errors";
import { API_ROUTE_OBJECTS } from "@/lib/server/routes";
import { discoverApiRoutes } from "@/tests/support/api-routes";
import { callRoute } from "@/tests/support/call-route";
import { commitWithoutFlushing } from "@/tests/support/fast-commits";
import { edgeCasesOf, hostileBodyText } from "@/tests/support/hostile-json";
import { JSON_ROUTES } from "@/tests/support/json-routes";
import { createJsonRoutesWorld, type JsonRoute, type World } from "@/tests/support/json-routes-world";
import { installWriteProbe, readWriteCounts, writesBetween } from "@/tests/support/write-probe";

const SEED = 0x5eed;
const RUNS_PER_ROUTE = 100;
const DEEP = 10_000;
/** Past the list limits of most routes (tags 50, access checks 200, policy lists 256, keys per bulk change 1,000). */
const OVER_LIST_CAP = 1_001;

let world: World;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  await commitWithoutFlushing();
  world = await createJsonRoutesWorld();
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
    const missing = API_ROUTE_OBJECTS.filter(
      (route) => route.schemas.body !== undefined || route.openapi?.requestBody !== undefined,
    )
      .filter((route) => !fuzzed.has(route.handler))
      .map((route) => route.name);
    // Route files not (yet) adapted from a route object declare their body reading in their own source.
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
