import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import type { Principal } from "@/lib/server/access/principal";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { resolveMemberPrincipal } from "@/lib/server/auth/resolve-member-principal";
import { API_ROUTE_OBJECTS } from "@/lib/server/routes";
import { prisma } from "@/lib/server/db";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { createStoreIntegration } from "@/lib/server/stores/create-store-integration";
import { storeIntegrationCreateSchema } from "@/lib/schemas/store-integration";
import { createTestMember } from "@/tests/factories/members";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import {
  discoverApiRoutes,
  type DiscoveredRoute,
  type HttpMethod,
  type RouteHandler,
} from "@/tests/support/api-routes";
import { commitWithoutFlushing } from "@/tests/support/fast-commits";
import {
  AMPLITUDE_POLICY,
  EXCLUDED_ROUTES,
  MATRIX,
  PRINCIPALS,
  PUBLIC_ROUTES,
  SYNC_POLICY,
  expectedStatuses,
  oneEnvironmentPolicy,
  type AuthzWorld,
  type CellRequest,
  type MatrixRow,
  type PrincipalId,
} from "@/tests/integration/authz-matrix.table";

const ORIGIN = "http://localhost:3000";

/** How a principal presents itself, and the principal the API resolves from that (null: it authenticates nothing). */
type Credentials = {
  headers: Record<string, string>;
  writeHeaders: Record<string, string>;
  principal: Principal | null;
};

// Discovered before the tests are collected, so that `describe.each` can name every route on disk.
const discovered: DiscoveredRoute[] = await discoverApiRoutes();
const handlers = new Map<string, RouteHandler>(
  API_ROUTE_OBJECTS.map((route) => [route.name, route.handler] as const),
);
for (const route of discovered) {
  for (const [method, handler] of Object.entries(route.handlers)) {
    handlers.set(`${method} ${route.path}`, handler);
  }
}

let world: AuthzWorld;
const credentials = new Map<PrincipalId, Credentials>();

async function sessionCookie(memberId: string, secret: string): Promise<string> {
  const jwt = await encode({ token: { sub: memberId }, secret });
  return `next-auth.session-token=${jwt}`;
}

function tokenCredentials(value: string, principal: Principal | null): Credentials {
  return { headers: { authorization: value }, writeHeaders: {}, principal };
}

function sessionCredentials(cookie: string, principal: Principal | null, origin = ORIGIN): Credentials {
  // A browser sends Origin with a write; the host is what the app is served at.
  return { headers: { cookie }, writeHeaders: { origin, host: new URL(ORIGIN).host }, principal };
}

async function token(options: Parameters<typeof createTestToken>[0]): Promise<Credentials> {
  const { value } = await createTestToken(options);
  return tokenCredentials(value, await resolveTokenPrincipal(value));
}

beforeAll(async () => {
  await commitWithoutFlushing();
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");

  const { project, production, environments } = await createTestProject();
  const test = environments.find((environment) => environment.key === "test");
  if (!test) throw new Error("the project factory makes a test environment");
  const segment = await createTestSegment(production, { members: ["m-1"] });
  const amplitudeSegment = await createTestSegment(production, {
    key: unique("amplitude"),
    members: ["m-1"],
  });

  const owner = await createTestMember({ role: "owner" });
  const admin = await createTestMember({ role: "admin" });
  const adminPrincipal = await resolveMemberPrincipal(admin.member.id);
  if (!adminPrincipal) throw new Error("the admin member does not resolve");
  const environment = await getEnvironmentOrThrow(project.key, "production");
  const store = await createStoreIntegration(
    adminPrincipal,
    environment,
    storeIntegrationCreateSchema.parse({ name: "Cache", on: false, config: { host: "127.0.0.1", port: 1 } }),
  );
  const role = await prisma.customRole.create({
    data: { key: unique("role"), name: "Role", policy: SYNC_POLICY },
  });
  const viewed = await createTestMember({ role: "reader" });
  const viewedToken = await createTestToken({ role: "reader", memberId: admin.member.id });
  world = {
    projectKey: project.key,
    production,
    test,
    segmentKey: segment.key,
    amplitudeSegmentKey: amplitudeSegment.key,
    storeId: store.id,
    roleKey: role.key,
    memberId: viewed.member.id,
    tokenId: viewedToken.token.id,
    admin: adminPrincipal,
  };

  const service = { memberId: admin.member.id, serviceToken: true };
  credentials.set("none", { headers: {}, writeHeaders: {}, principal: null });
  credentials.set("unknown", tokenCredentials(`api-${unique("x").repeat(4)}`, null));
  const expired = await createTestToken({
    ...service,
    role: "admin",
    expiresAt: new Date(Date.now() - 1000),
  });
  credentials.set("expired", tokenCredentials(expired.value, null));
  const deleted = await createTestToken({ ...service, role: "admin" });
  await prisma.accessToken.delete({ where: { id: deleted.token.id } });
  credentials.set("deleted", tokenCredentials(deleted.value, null));
  credentials.set("reader", await token({ ...service, role: "reader" }));
  credentials.set("sync", await token({ ...service, role: null, policy: SYNC_POLICY }));
  credentials.set(
    "oneEnv",
    await token({ ...service, role: null, policy: oneEnvironmentPolicy(project.key) }),
  );
  credentials.set("amplitude", await token({ ...service, role: null, policy: AMPLITUDE_POLICY }));
  credentials.set("writer", await token({ ...service, role: "writer" }));
  credentials.set("admin", await token({ ...service, role: "admin" }));
  // Made while its member was an admin; the member has since been lowered to reader.
  const demoted = await createTestMember({ role: "admin" });
  const personal = await createTestToken({ memberId: demoted.member.id, role: "admin", serviceToken: false });
  await prisma.member.update({ where: { id: demoted.member.id }, data: { role: "reader" } });
  credentials.set(
    "downgraded",
    tokenCredentials(personal.value, await resolveTokenPrincipal(personal.value)),
  );

  const sessionOf = async (memberId: string, origin = ORIGIN) =>
    sessionCredentials(await sessionCookie(memberId, secret), await resolveMemberPrincipal(memberId), origin);
  credentials.set("s:owner", await sessionOf(owner.member.id));
  credentials.set("s:admin", await sessionOf(admin.member.id));
  credentials.set("s:writer", await sessionOf((await createTestMember({ role: "writer" })).member.id));
  credentials.set("s:reader", await sessionOf((await createTestMember({ role: "reader" })).member.id));
  credentials.set("s:no_access", await sessionOf((await createTestMember({ role: "no_access" })).member.id));
  const gone = await createTestMember({ role: "admin" });
  const goneCookie = await sessionCookie(gone.member.id, secret);
  await prisma.member.delete({ where: { id: gone.member.id } });
  credentials.set("s:deleted", sessionCredentials(goneCookie, null));
  credentials.set(
    "s:forged",
    sessionCredentials(await sessionCookie(admin.member.id, `${secret}-not-ours`), null),
  );
  credentials.set("s:crossSite", await sessionOf(admin.member.id, "https://evil.example"));
});

function rowName(row: MatrixRow): string {
  return row.variant ? `${row.route} (${row.variant})` : row.route;
}

async function send(route: string, request: CellRequest, presented: Credentials): Promise<Response> {
  const handler = handlers.get(route);
  if (!handler) throw new Error(`no handler for ${route}`);
  const method = route.slice(0, route.indexOf(" "));
  const headers = new Headers(presented.headers);
  if (method !== "GET")
    for (const [name, value] of Object.entries(presented.writeHeaders)) headers.set(name, value);
  let body: string | undefined;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers.set("content-type", "application/json");
  }
  const req = new NextRequest(new URL(request.path, ORIGIN), { method, headers, body });
  return handler(req, { params: Promise.resolve(request.params) });
}

/** Every refusal carries an error body: Heap's own shape on its endpoint, LaunchDarkly's `{code, message, id}` elsewhere. */
async function expectErrorBody(response: Response, row: MatrixRow) {
  const body = (await response.json()) as unknown;
  if (row.route.includes("/segment-target") && row.variant?.startsWith("Heap")) {
    // Heap's code is the HTTP status; the segment's ids are there as far as the push had found them.
    expect(body).toMatchObject({
      status: "failure",
      error: { message: expect.any(String), code: response.status },
    });
    const known = new Set(["projectId", "environmentId", "segmentId", "segmentUrl", "status", "error"]);
    expect(Object.keys(body as object).filter((key) => !known.has(key))).toEqual([]);
  } else {
    expect(body).toEqual({ code: expect.any(String), message: expect.any(String), id: expect.any(String) });
  }
}

describe("the authorization matrix covers the API", () => {
  const tableRoutes = new Set([
    ...MATRIX.map((row) => row.route),
    ...PUBLIC_ROUTES.map((entry) => entry.route),
    ...EXCLUDED_ROUTES.map((entry) => entry.route),
  ]);

  it("lists every registered route (lib/server/routes)", () => {
    expect(API_ROUTE_OBJECTS.map((route) => route.name).filter((name) => !tableRoutes.has(name))).toEqual([]);
  });

  it("lists every route and method under app/api", () => {
    const onDisk = discovered.flatMap((route) =>
      (Object.keys(route.handlers) as HttpMethod[]).map((method) => `${method} ${route.path}`),
    );
    expect(onDisk.filter((route) => !tableRoutes.has(route))).toEqual([]);
  });

  it("lists no route that does not exist", () => {
    expect([...tableRoutes].filter((route) => !handlers.has(route))).toEqual([]);
  });

  it("gives every row one status per principal", () => {
    for (const row of MATRIX) expect(() => expectedStatuses(row)).not.toThrow();
  });
});

describe.each(PUBLIC_ROUTES.map((entry) => [entry.route, entry] as const))("%s (public)", (route, entry) => {
  it.each(PRINCIPALS)("%s gets %s", async (principalId) => {
    const presented = credentials.get(principalId);
    if (!presented) throw new Error(`no credentials for ${principalId}`);
    const response = await send(route, { path: route.slice(route.indexOf(" ") + 1), params: {} }, presented);
    expect(response.status).toBe(entry.status);
  });
});

describe.each(MATRIX.map((row) => [rowName(row), row] as const))("%s", (_name, row) => {
  const expected = expectedStatuses(row);
  // Credentials that authenticate nothing share one request per row: a 401 consumes nothing (and if one did not
  // answer 401, its own cell fails anyway).
  let unauthenticated: Promise<CellRequest> | undefined;
  it.each(PRINCIPALS.map((principalId) => [principalId, expected[principalId]] as const))(
    "%s: %i",
    async (principalId, status) => {
      const presented = credentials.get(principalId);
      if (!presented) throw new Error(`no credentials for ${principalId}`);
      const request = await (presented.principal === null
        ? (unauthenticated ??= Promise.resolve(row.request({ world, principal: null })))
        : row.request({ world, principal: presented.principal }));
      const response = await send(row.route, request, presented);
      if (response.status !== status) {
        throw new Error(
          `${principalId}: expected ${status}, got ${response.status}: ${await response.text()}`,
        );
      }
      if (status >= 400) await expectErrorBody(response, row);
    },
  );
});
