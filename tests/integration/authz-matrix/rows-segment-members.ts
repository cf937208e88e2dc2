import { addImportChunk } from "@/lib/server/imports/add-import-chunk";
import { createSegmentImport } from "@/lib/server/imports/create-segment-import";
import { importOwner } from "@/lib/server/imports/import-owner";
import { unique } from "@/tests/factories/unique";
import { freshSegment, segmentPath } from "@/tests/integration/authz-matrix/fixtures";
import type {
  AuthzWorld,
  CellRequest,
  FixtureContext,
  MatrixRow,
} from "@/tests/integration/authz-matrix/principals";
import { PARTNER_PAYLOADS } from "@/tests/support/partner-payloads";

/** An import with one staged key on a fresh segment, owned by the caller (imports are continued only by their owner). */
async function freshImport({ world, principal }: FixtureContext) {
  const segment = await freshSegment(world, "import");
  const owner = principal ?? world.admin;
  const started = await createSegmentImport(owner, segment, "merge");
  await addImportChunk(
    { importId: started._id, segmentId: segment.id, owner: importOwner(owner) },
    { keys: ["k-1"] },
  );
  const { path, params } = segmentPath(world, segment.key, `/imports/${started._id}`);
  return { path, params: { ...params, importId: started._id } };
}

function partnerPush(
  integrationKey: string,
  environment: (world: AuthzWorld) => AuthzWorld["production"],
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

/** A segment's members: lookups, key lists, imports and partner pushes. */
// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const SEGMENT_MEMBERSHIP_ROWS: readonly MatrixRow[] = [
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
];
