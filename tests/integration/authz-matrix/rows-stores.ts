import { storeIntegrationCreateSchema } from "@/lib/schemas/store-integration";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { createStoreIntegration } from "@/lib/server/stores/create-store-integration";
import { unique } from "@/tests/factories/unique";
import { environmentParams, RENAME } from "@/tests/integration/authz-matrix/fixtures";
import type { AuthzWorld, MatrixRow } from "@/tests/integration/authz-matrix/principals";

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

/** Big segment store integrations. */
// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const STORE_ROWS: readonly MatrixRow[] = [
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
];
