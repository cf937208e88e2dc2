import type { NextRequest } from "next/server";
import { expect } from "vitest";
import * as storeListRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as importsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/route";
import * as rolesRoute from "@/app/api/v2/roles/route";
import { createTestMember } from "@/tests/factories/members";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { createAlertFixtures } from "@/tests/support/json-routes-alerts";

// What the JSON-body route tests (fuzzing, size limit) aim at; the routes themselves are in tests/support/json-routes.ts.

export type Params = Record<string, string>;
/** Any route's handler, whatever its own params type (method syntax: parameters compare bivariantly). */
export type RouteFunction = {
  call(req: NextRequest, context: { params: Promise<Params> }): Promise<Response>;
}["call"];

/** What every fuzzed request is aimed at: existing objects, so that a body that survives validation reaches real work. */
export type World = {
  token: string;
  projectKey: string;
  segmentKey: string;
  storeId: string;
  importId: string;
  roleKey: string;
  memberId: string;
  tokenId: string;
  alertRuleId: string;
  alertDestinationId: string;
};

export type JsonRoute = {
  name: string;
  handler: RouteFunction;
  method: "POST" | "PUT" | "PATCH";
  target: (world: World) => { path: string; params: Params };
  valid: (world: World) => unknown[];
  contentType?: string;
  /** The status of an accepted body. */
  success: number;
  /** Random bodies, after the fixed edge cases; the fuzz test's default unless the route is expensive. */
  runs?: number;
  /** Items in the edge case that repeats each array: past this route's own largest list limit. */
  overCap?: number;
  /** A body limit of the route's own, below the app-wide one (the public password-link form). */
  bodyLimit?: number;
};

export const segmentAt = (world: World, segmentKey = world.segmentKey) => ({
  path: `/api/v2/segments/${world.projectKey}/production/${segmentKey}`,
  params: { projectKey: world.projectKey, environmentKey: "production", segmentKey },
});

export const importAt = (world: World, suffix: string) => {
  const { path, params } = segmentAt(world);
  return {
    path: `${path}/imports/${world.importId}${suffix}`,
    params: { ...params, importId: world.importId },
  };
};

export const storeAt = (world: World) => ({
  path: `/api/v2/integration-capabilities/big-segment-store/${world.projectKey}/production/redis`,
  params: { projectKey: world.projectKey, environmentKey: "production", integrationKey: "redis" },
});

export const rename = (value: string) => [[{ op: "replace", path: "/name", value }]];

export const POLICY = [
  { effect: "allow", actions: ["viewSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

async function created(response: { status: number; json: unknown }, field: string): Promise<string> {
  expect(response.status).toBe(201);
  const value = (response.json as Record<string, unknown>)[field];
  if (typeof value !== "string") throw new Error(`no ${field} in ${JSON.stringify(response.json)}`);
  return Promise.resolve(value);
}

/** Existing objects of every kind a JSON route writes, owned by a fresh project and an admin token. */
export async function createJsonRoutesWorld(): Promise<World> {
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
    body: { key: unique("fuzz-target"), name: "Target", policy: POLICY },
  });
  const upload = await callRoute(importsRoute.POST, {
    path: `/api/v2/segments/${project.key}/production/${segment.key}/imports`,
    params: { projectKey: project.key, environmentKey: "production", segmentKey: segment.key },
    token,
    body: { mode: "merge" },
  });
  return {
    token,
    ...base,
    storeId: await created(store, "_id"),
    importId: await created(upload, "_id"),
    roleKey: await created(role, "key"),
    memberId: target.member.id,
    tokenId: targetToken.token.id,
    ...(await createAlertFixtures(production.id)),
  };
}
