import type { Policy } from "@/lib/schemas/policy";
import { storeIntegrationCreateSchema } from "@/lib/schemas/store-integration";
import type { Principal } from "@/lib/server/access/principal";
import { prisma } from "@/lib/server/db";
import { createEnvironment } from "@/lib/server/environments/create-environment";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { createProject } from "@/lib/server/projects/create-project";
import { getProjectOrThrow } from "@/lib/server/projects/get-project-or-throw";
import { addImportChunk } from "@/lib/server/imports/add-import-chunk";
import { createSegmentImport } from "@/lib/server/imports/create-segment-import";
import { importOwner } from "@/lib/server/imports/import-owner";
import { createStoreIntegration } from "@/lib/server/stores/create-store-integration";
import { createTestMember } from "@/tests/factories/members";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { PARTNER_PAYLOADS } from "@/tests/support/partner-payloads";

/**
 * Who calls, in the order of the columns of every row's `expect`:
 * - no credentials, and tokens that authenticate nothing: unknown, expired, deleted;
 * - service tokens with the built-in `reader`, `writer` and `admin` roles, and with inline policies: the minimum a sync
 *   tool needs (`createSegment` + `updateIncluded` on every segment, the dashboard's "Sync tool" preset), everything in
 *   one environment (`production` of the matrix's project), everything on segments `amplitude-*`;
 * - a personal `admin` token whose member has since been lowered to `reader` (it may never exceed its member);
 * - dashboard sessions (a real next-auth cookie) of members with each built-in role, of a deleted member, a cookie signed
 *   with another secret, and an admin's session writing from another site (CSRF).
 */
export const PRINCIPALS = [
  "none",
  "unknown",
  "expired",
  "deleted",
  "reader",
  "sync",
  "oneEnv",
  "amplitude",
  "writer",
  "admin",
  "downgraded",
  "s:owner",
  "s:admin",
  "s:writer",
  "s:reader",
  "s:no_access",
  "s:deleted",
  "s:forged",
  "s:crossSite",
] as const;
export type PrincipalId = (typeof PRINCIPALS)[number];

export const SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

export function oneEnvironmentPolicy(projectKey: string): Policy {
  const environment = `proj/${projectKey}:env/production`;
  return [
    {
      effect: "allow",
      actions: ["*"],
      resources: [environment, `${environment}:segment/*`, `${environment}:integration/*`],
    },
  ];
}

export const AMPLITUDE_POLICY: Policy = [
  { effect: "allow", actions: ["*"], resources: ["proj/*:env/*:segment/amplitude-*"] },
];

type Environment = { id: string; key: string; projectId: string; clientSideId: string };

/** What the fixtures aim at: one project with two environments, and objects every read can share. */
export type AuthzWorld = {
  projectKey: string;
  production: Environment;
  test: Environment;
  segmentKey: string;
  amplitudeSegmentKey: string;
  storeId: string;
  roleKey: string;
  memberId: string;
  tokenId: string;
  /** Creates what a fixture needs where the API would ask for a principal. */
  admin: Principal;
};

export type CellRequest = {
  /** Path and query, as sent. */
  path: string;
  params: Record<string, string>;
  body?: unknown;
};

export type FixtureContext = {
  world: AuthzWorld;
  /** The calling principal as the API resolves it; null when it authenticates nothing. */
  principal: Principal | null;
};

export type MatrixRow = {
  /** `METHOD /path/{param}` exactly as the route file's place under app/ gives it. */
  route: string;
  /** Tells rows of one route apart. */
  variant?: string;
  /** A valid request against seeded data; called once per cell, so whatever it changes is fresh. */
  request: (context: FixtureContext) => Promise<CellRequest> | CellRequest;
  /** One status per principal, in the order of `PRINCIPALS`; `|` only groups columns for reading. */
  expect: string;
};

/** Routes that answer without a principal by design: every caller gets the same status. */
export const PUBLIC_ROUTES: readonly { route: string; status: number; reason: string }[] = [
  { route: "GET /api/openapi.json", status: 200, reason: "the API description, public like LaunchDarkly's" },
  {
    route: "GET /api/v2/openapi.json",
    status: 200,
    reason: "the same description where LaunchDarkly serves it",
  },
];

/** Routes the matrix does not call, and why. */
export const EXCLUDED_ROUTES: readonly { route: string; reason: string }[] = [
  {
    route: "GET /api/auth/[...nextauth]",
    reason: "next-auth's own endpoints (sign-in is tested in sign-in.test.ts)",
  },
  {
    route: "POST /api/auth/[...nextauth]",
    reason: "next-auth's own endpoints (sign-in is tested in sign-in.test.ts)",
  },
];

// Fixture helpers: each creates what one cell consumes.

const segmentPath = (world: AuthzWorld, segmentKey: string, suffix = "") => ({
  path: `/api/v2/segments/${world.projectKey}/production/${segmentKey}${suffix}`,
  params: { projectKey: world.projectKey, environmentKey: "production", segmentKey },
});

const environmentParams = (world: AuthzWorld) => ({
  projectKey: world.projectKey,
  environmentKey: "production",
});

async function freshSegment(world: AuthzWorld, prefix = "seg") {
  return createTestSegment(world.production, { key: unique(prefix) });
}

const STORE_BASE = "/api/v2/integration-capabilities/big-segment-store";

function storePath(world: AuthzWorld, storeId: string, suffix = "") {
  return {
    path: `${STORE_BASE}/${world.projectKey}/production/redis/${storeId}${suffix}`,
    params: { ...environmentParams(world), integrationKey: "redis", integrationId: storeId },
  };
}

async function freshStore(world: AuthzWorld) {
  const environment = await getEnvironmentOrThrow(world.projectKey, "production");
  const input = storeIntegrationCreateSchema.parse({
    name: "Cache",
    on: false,
    config: { host: "127.0.0.1", port: 1, prefix: unique("fresh") },
  });
  return createStoreIntegration(world.admin, environment, input);
}

async function freshRole() {
  return prisma.customRole.create({ data: { key: unique("role"), name: "Role", policy: SYNC_POLICY } });
}

async function freshServiceTokenId(world: AuthzWorld) {
  const { token } = await createTestToken({ role: "reader", memberId: world.admin.member.id });
  return token.id;
}

/** An import with one staged key on a fresh segment, owned by the caller (imports are continued only by their owner). */
async function freshImport({ world, principal }: FixtureContext) {
  const segment = await freshSegment(world, "import");
  const owner = principal ?? world.admin;
  const started = await createSegmentImport(owner, segment, "merge");
  await addImportChunk({ importId: started._id, segmentId: segment.id, owner: importOwner(owner) }, ["k-1"]);
  const { path, params } = segmentPath(world, segment.key, `/imports/${started._id}`);
  return { path, params: { ...params, importId: started._id } };
}

function partnerPush(
  integrationKey: string,
  environment: (world: AuthzWorld) => Environment,
  route = "segment-targets",
) {
  return ({ world }: FixtureContext): CellRequest => {
    const payload = PARTNER_PAYLOADS[integrationKey];
    if (!payload) throw new Error(`no payload for ${integrationKey}`);
    return {
      path: `/api/v2/${route}/${integrationKey}`,
      params: { integrationKey },
      body: payload(environment(world).clientSideId, unique("cohort")),
    };
  };
}

const RENAME = [{ op: "replace", path: "/name", value: "Renamed" }];

// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const MATRIX: readonly MatrixRow[] = [
  {
    route: "POST /api/v2/access/check",
    request: () => ({
      path: "/api/v2/access/check",
      params: {},
      body: { checks: [{ action: "viewSegment", resource: "proj/a:env/b:segment/c" }] },
    }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 403",
  },
  {
    route: "GET /api/v2/auditlog",
    request: () => ({ path: "/api/v2/auditlog", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "GET /api/v2/auditlog/{id}",
    request: async ({ world }) => {
      const entry = await prisma.auditEntry.create({
        data: {
          kind: "project",
          name: world.projectKey,
          description: "An entry about the matrix's project",
          target: `proj/${world.projectKey}`,
        },
      });
      return { path: `/api/v2/auditlog/${entry.id}`, params: { id: entry.id } };
    },
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "GET /api/v2/caller-identity",
    request: () => ({ path: "/api/v2/caller-identity", params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
  {
    route: "POST /api/v2/auditlog",
    request: ({ world }) => ({
      path: "/api/v2/auditlog",
      params: {},
      body: [{ effect: "allow", resources: [`proj/${world.projectKey}`] }],
    }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 403",
  },
  {
    route: "GET /api/v2/integration-capabilities/big-segment-store",
    request: () => ({ path: STORE_BASE, params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
  {
    route:
      "GET /api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}",
    request: ({ world }) => ({
      path: `${STORE_BASE}/${world.projectKey}/production/redis`,
      params: { ...environmentParams(world), integrationKey: "redis" },
    }),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route:
      "POST /api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}",
    request: ({ world }) => ({
      path: `${STORE_BASE}/${world.projectKey}/production/redis`,
      params: { ...environmentParams(world), integrationKey: "redis" },
      body: { name: "Cache", on: false, config: { host: "127.0.0.1", port: 1, prefix: unique("cell") } },
    }),
    expect: "401 401 401 401 | 403 404 201 404 201 201 403 | 201 201 201 403 404 401 401 403",
  },
  {
    route:
      "GET /api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}",
    request: ({ world }) => storePath(world, world.storeId),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route:
      "PATCH /api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}",
    request: async ({ world }) => ({ ...storePath(world, (await freshStore(world)).id), body: RENAME }),
    expect: "401 401 401 401 | 403 404 200 404 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route:
      "DELETE /api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}",
    request: async ({ world }) => storePath(world, (await freshStore(world)).id),
    expect: "401 401 401 401 | 403 404 204 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route:
      "POST /api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}/test-connection",
    request: ({ world }) => storePath(world, world.storeId, "/test-connection"),
    expect: "401 401 401 401 | 403 404 200 404 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route:
      "POST /api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}/resync",
    request: ({ world }) => storePath(world, world.storeId, "/resync"),
    expect: "401 401 401 401 | 403 404 202 404 202 202 403 | 202 202 202 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/integrations",
    request: () => ({ path: "/api/v2/integrations", params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
  {
    route: "GET /api/v2/versions",
    request: () => ({ path: "/api/v2/versions", params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
  {
    route: "GET /api/v2/members/{memberId}",
    request: ({ world }) => ({
      path: `/api/v2/members/${world.memberId}`,
      params: { memberId: world.memberId },
    }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "PATCH /api/v2/members/{memberId}",
    request: async () => {
      const { member } = await createTestMember({ role: "reader" });
      return {
        path: `/api/v2/members/${member.id}`,
        params: { memberId: member.id },
        body: [{ op: "replace", path: "/firstName", value: "Ada" }],
      };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "PATCH /api/v2/members/{memberId}",
    variant: "lower a writer to reader",
    request: async () => {
      const { member } = await createTestMember({ role: "writer" });
      return {
        path: `/api/v2/members/${member.id}`,
        params: { memberId: member.id },
        body: [{ op: "replace", path: "/role", value: "reader" }],
      };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/members/{memberId}",
    request: async () => {
      const { member } = await createTestMember({ role: "reader" });
      return { path: `/api/v2/members/${member.id}`, params: { memberId: member.id } };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 204 403 | 204 204 403 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/members",
    request: () => ({ path: "/api/v2/members", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "POST /api/v2/members",
    request: () => ({
      path: "/api/v2/members",
      params: {},
      body: { email: `${unique("new")}@example.test`, password: "correct-horse-battery", role: "reader" },
    }),
    expect: "401 401 401 401 | 403 403 403 403 403 201 403 | 201 201 403 403 403 401 401 403",
  },
  {
    route: "GET /api/v2/projects/{projectKey}/environments/{environmentKey}",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments/production`,
      params: environmentParams(world),
    }),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/projects/{projectKey}/environments/{environmentKey}",
    variant: "the other environment",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments/test`,
      params: { projectKey: world.projectKey, environmentKey: "test" },
    }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments/production/segments/evaluate`,
      params: environmentParams(world),
      body: { key: "m-1", kind: "user" },
    }),
    expect: "401 401 401 401 | 200 404 200 200 200 200 200 | 200 200 200 200 404 401 401 403",
  },
  {
    route: "GET /api/v2/projects/{projectKey}/environments",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments`,
      params: { projectKey: world.projectKey },
    }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/projects/{projectKey}/environments",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments`,
      params: { projectKey: world.projectKey },
      body: { key: unique("env"), name: "Staging" },
    }),
    expect: "401 401 401 401 | 403 404 404 404 201 201 403 | 201 201 201 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/projects/{projectKey}",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}`,
      params: { projectKey: world.projectKey },
    }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/projects",
    request: () => ({ path: "/api/v2/projects", params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
  {
    route: "POST /api/v2/projects",
    request: () => ({ path: "/api/v2/projects", params: {}, body: { key: unique("proj"), name: "New" } }),
    expect: "401 401 401 401 | 403 403 403 403 201 201 403 | 201 201 201 403 403 401 401 403",
  },
  {
    route: "DELETE /api/v2/projects/{projectKey}",
    request: async ({ world }) => {
      const { key } = await createProject(world.admin, { key: unique("gone"), name: "To delete" });
      return { path: `/api/v2/projects/${key}`, params: { projectKey: key } };
    },
    expect: "401 401 401 401 | 403 404 404 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/projects/{projectKey}/environments/{environmentKey}",
    request: async ({ world }) => {
      const project = await getProjectOrThrow(world.projectKey);
      const { key } = await createEnvironment(world.admin, project, {
        key: unique("gone"),
        name: "To delete",
      });
      return {
        path: `/api/v2/projects/${world.projectKey}/environments/${key}`,
        params: { projectKey: world.projectKey, environmentKey: key },
      };
    },
    expect: "401 401 401 401 | 403 404 404 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/roles/{roleKey}",
    request: ({ world }) => ({ path: `/api/v2/roles/${world.roleKey}`, params: { roleKey: world.roleKey } }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "PATCH /api/v2/roles/{roleKey}",
    request: async () => {
      const role = await freshRole();
      return { path: `/api/v2/roles/${role.key}`, params: { roleKey: role.key }, body: RENAME };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/roles/{roleKey}",
    request: async () => {
      const role = await freshRole();
      return { path: `/api/v2/roles/${role.key}`, params: { roleKey: role.key } };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 204 403 | 204 204 403 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/roles",
    request: () => ({ path: "/api/v2/roles", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "POST /api/v2/roles",
    request: () => ({
      path: "/api/v2/roles",
      params: {},
      body: { key: unique("role"), name: "New", policy: SYNC_POLICY },
    }),
    expect: "401 401 401 401 | 403 403 403 403 403 201 403 | 201 201 403 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/segment-tags/{projectKey}/{environmentKey}",
    request: async ({ world }) => ({
      path: `/api/v2/segment-tags/${world.projectKey}/production`,
      params: environmentParams(world),
      body: { keys: [(await freshSegment(world)).key], add: ["vip"] },
    }),
    expect: "401 401 401 401 | 403 404 200 404 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segment-tags/{projectKey}/{environmentKey}",
    variant: "amplitude segments",
    request: async ({ world }) => ({
      path: `/api/v2/segment-tags/${world.projectKey}/production`,
      params: environmentParams(world),
      body: { keys: [(await freshSegment(world, "amplitude")).key], add: ["vip"] },
    }),
    expect: "401 401 401 401 | 403 404 200 200 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segment-target/{integrationKey}",
    request: partnerPush("hightouch", (world) => world.production, "segment-target"),
    expect: "401 401 401 401 | 403 204 204 403 204 204 403 | 204 204 204 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/segment-targets/{integrationKey}",
    request: partnerPush("hightouch", (world) => world.production),
    expect: "401 401 401 401 | 403 204 204 403 204 204 403 | 204 204 204 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/segment-targets/{integrationKey}",
    variant: "an amplitude cohort",
    request: partnerPush("amplitude", (world) => world.production),
    expect: "401 401 401 401 | 403 204 204 204 204 204 403 | 204 204 204 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/segment-targets/{integrationKey}",
    variant: "into the other environment",
    request: partnerPush("hightouch", (world) => world.test),
    expect: "401 401 401 401 | 403 204 403 403 204 204 403 | 204 204 204 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/segment-targets/{integrationKey}",
    variant: "Heap, with its own answer and error body",
    request: partnerPush("heap-inbound", (world) => world.production),
    expect: "401 401 401 401 | 403 200 200 403 200 200 403 | 200 200 200 403 403 401 401 403",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts/{contextKey}",
    request: ({ world }) => {
      const { path, params } = segmentPath(world, world.segmentKey, "/contexts/m-1");
      return { path, params: { ...params, contextKey: "m-1" } };
    },
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users/{userKey}",
    request: ({ world }) => {
      const { path, params } = segmentPath(world, world.segmentKey, "/users/m-1");
      return { path, params: { ...params, userKey: "m-1" } };
    },
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts",
    request: async ({ world }) => ({
      ...segmentPath(world, (await freshSegment(world)).key, "/contexts"),
      body: { included: { add: ["k-1"], remove: ["k-2"] } },
    }),
    expect: "401 401 401 401 | 403 204 204 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts",
    variant: "excluded keys, which need updateExcluded",
    request: async ({ world }) => ({
      ...segmentPath(world, (await freshSegment(world)).key, "/contexts"),
      body: { excluded: { add: ["k-1"] } },
    }),
    expect: "401 401 401 401 | 403 403 204 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts",
    variant: "an amplitude segment",
    request: async ({ world }) => ({
      ...segmentPath(world, (await freshSegment(world, "amplitude")).key, "/contexts"),
      body: { included: { add: ["k-1"] } },
    }),
    expect: "401 401 401 401 | 403 204 204 204 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users",
    request: async ({ world }) => ({
      ...segmentPath(world, (await freshSegment(world)).key, "/users"),
      body: { included: { add: ["k-1"] } },
    }),
    expect: "401 401 401 401 | 403 204 204 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports",
    request: async ({ world }) => ({
      ...segmentPath(world, (await freshSegment(world)).key, "/imports"),
      body: { mode: "merge" },
    }),
    expect: "401 401 401 401 | 403 201 201 404 201 201 403 | 201 201 201 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}",
    request: freshImport,
    expect: "401 401 401 401 | 403 200 200 404 200 200 403 | 200 200 200 403 404 401 401 200",
  },
  {
    route: "DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}",
    request: freshImport,
    expect: "401 401 401 401 | 403 204 204 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}/chunks",
    request: async (context) => {
      const { path, params } = await freshImport(context);
      return { path: `${path}/chunks`, params, body: { keys: ["k-2", "k-3"] } };
    },
    expect: "401 401 401 401 | 403 200 200 404 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}/commit",
    request: async (context) => {
      const { path, params } = await freshImport(context);
      return { path: `${path}/commit`, params, body: { confirm: true } };
    },
    expect: "401 401 401 401 | 403 200 200 404 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/members/export",
    request: ({ world }) => segmentPath(world, world.segmentKey, "/members/export"),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/members",
    request: ({ world }) => segmentPath(world, world.segmentKey, "/members"),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    request: ({ world }) => segmentPath(world, world.segmentKey),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    variant: "an amplitude segment",
    request: ({ world }) => segmentPath(world, world.amplitudeSegmentKey),
    expect: "401 401 401 401 | 200 404 200 200 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "PATCH /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    request: async ({ world }) => ({ ...segmentPath(world, (await freshSegment(world)).key), body: RENAME }),
    expect: "401 401 401 401 | 403 404 200 404 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "PATCH /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    variant: "an amplitude segment",
    request: async ({ world }) => ({
      ...segmentPath(world, (await freshSegment(world, "amplitude")).key),
      body: RENAME,
    }),
    expect: "401 401 401 401 | 403 404 200 200 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    request: async ({ world }) => segmentPath(world, (await freshSegment(world)).key),
    expect: "401 401 401 401 | 403 404 204 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    variant: "an amplitude segment",
    request: async ({ world }) => segmentPath(world, (await freshSegment(world, "amplitude")).key),
    expect: "401 401 401 401 | 403 404 204 204 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/syncs",
    request: ({ world }) => segmentPath(world, world.segmentKey, "/syncs"),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}",
    request: ({ world }) => ({
      path: `/api/v2/segments/${world.projectKey}/production`,
      params: environmentParams(world),
    }),
    expect: "401 401 401 401 | 200 404 200 200 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}",
    request: ({ world }) => ({
      path: `/api/v2/segments/${world.projectKey}/production`,
      params: environmentParams(world),
      body: { key: unique("new"), name: "New" },
    }),
    expect: "401 401 401 401 | 403 201 201 404 201 201 403 | 201 201 201 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}",
    variant: "an amplitude segment",
    request: ({ world }) => ({
      path: `/api/v2/segments/${world.projectKey}/production`,
      params: environmentParams(world),
      body: { key: unique("amplitude"), name: "New" },
    }),
    expect: "401 401 401 401 | 403 201 201 201 201 201 403 | 201 201 201 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/syncs",
    request: ({ world }) => ({
      path: `/api/v2/syncs?projectKey=${world.projectKey}&environmentKey=production`,
      params: {},
    }),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/syncs/stats",
    request: ({ world }) => ({
      path: `/api/v2/syncs/stats?projectKey=${world.projectKey}&environmentKey=production`,
      params: {},
    }),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/tokens/{tokenId}/reset",
    request: async ({ world }) => {
      const tokenId = await freshServiceTokenId(world);
      return { path: `/api/v2/tokens/${tokenId}/reset`, params: { tokenId } };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/tokens/{tokenId}",
    request: ({ world }) => ({ path: `/api/v2/tokens/${world.tokenId}`, params: { tokenId: world.tokenId } }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "PATCH /api/v2/tokens/{tokenId}",
    request: async ({ world }) => {
      const tokenId = await freshServiceTokenId(world);
      return { path: `/api/v2/tokens/${tokenId}`, params: { tokenId }, body: RENAME };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/tokens/{tokenId}",
    request: async ({ world }) => {
      const tokenId = await freshServiceTokenId(world);
      return { path: `/api/v2/tokens/${tokenId}`, params: { tokenId } };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 204 403 | 204 204 403 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/tokens",
    request: () => ({ path: "/api/v2/tokens", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "POST /api/v2/tokens",
    // A personal token: only a session or a personal token creates one, so the admin service token may not.
    request: () => ({ path: "/api/v2/tokens", params: {}, body: { name: unique("token"), role: "reader" } }),
    expect: "401 401 401 401 | 403 403 403 403 403 403 403 | 201 201 403 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/tokens",
    variant: "a service token",
    request: () => ({
      path: "/api/v2/tokens",
      params: {},
      body: { name: unique("token"), role: "reader", serviceToken: true },
    }),
    expect: "401 401 401 401 | 403 403 403 403 403 201 403 | 201 201 403 403 403 401 401 403",
  },
];

/** The statuses of a row, one per principal; throws when the row has the wrong number of columns. */
export function expectedStatuses(row: MatrixRow): Record<PrincipalId, number> {
  const statuses = row.expect.replaceAll("|", " ").trim().split(/\s+/).map(Number);
  if (statuses.length !== PRINCIPALS.length || statuses.some((status) => !Number.isInteger(status))) {
    throw new Error(
      `${row.route}${row.variant ? ` (${row.variant})` : ""}: expected ${PRINCIPALS.length} statuses`,
    );
  }
  return Object.fromEntries(PRINCIPALS.map((principal, index) => [principal, statuses[index]])) as Record<
    PrincipalId,
    number
  >;
}
