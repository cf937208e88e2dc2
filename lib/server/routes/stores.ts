import "server-only";
import { z } from "zod";
import { environmentPathSchema } from "@/lib/schemas/path-params";
import {
  storeIntegrationCollectionSchema,
  storeIntegrationCreateSchema,
  storeIntegrationSchema,
} from "@/lib/schemas/store-integration";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { defineRoute } from "@/lib/server/api/define-route";
import { ApiError } from "@/lib/server/api/errors";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json, noContent } from "@/lib/server/api/responses";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { jsonRequestBody } from "@/lib/server/openapi/operation-parts";
import { createStoreIntegration } from "@/lib/server/stores/create-store-integration";
import { deleteStoreIntegration } from "@/lib/server/stores/delete-store-integration";
import { getStoreIntegrationOrThrow } from "@/lib/server/stores/get-store-integration-or-throw";
import { listStoreIntegrations } from "@/lib/server/stores/list-store-integrations";
import { requestStoreResync } from "@/lib/server/stores/request-store-resync";
import { serializeStoreIntegration } from "@/lib/server/stores/serialize-store-integration";
import { testStoreConnection } from "@/lib/server/stores/test-store-connection";
import { updateStoreIntegration } from "@/lib/server/stores/update-store-integration";

const BASE = "/api/v2/integration-capabilities/big-segment-store";
const LOCATION = `${BASE}/{projectKey}/{environmentKey}/{integrationKey}`;
const ITEM = `${LOCATION}/{integrationId}`;
const TAG = "Persistent stores";

const locationPathSchema = environmentPathSchema.extend({
  integrationKey: z.string().meta({ example: "redis" }),
});
const itemPathSchema = locationPathSchema.extend({ integrationId: z.string() });
type ItemParams = z.output<typeof itemPathSchema>;

const patchSchema = z
  .array(
    z.object({
      op: z.enum(["add", "replace", "remove", "test"]),
      path: z.string(),
      value: z.unknown().optional(),
    }),
  )
  .meta({
    description:
      "JSON Patch on /name, /on, /tags, /config/*; `test /version` for optimistic locking (a `test` of /config/password always fails)",
  });

function assertRedis(integrationKey: string) {
  if (integrationKey !== "redis")
    throw new ApiError("not_found", `Unknown store integration "${integrationKey}": only "redis"`);
}

async function load(principal: Principal, params: ItemParams) {
  const environment = await getVisibleEnvironmentOrThrow(principal, params.projectKey, params.environmentKey);
  const store = await getStoreIntegrationOrThrow(
    principal,
    environment,
    params.integrationKey,
    params.integrationId,
  );
  return {
    environment,
    store,
    resource: storeIntegrationResource(environment.project, environment, store.id),
  };
}

/** LaunchDarkly's persistent-store (big segment store) integration API, Redis only. */
export const storeRoutes = [
  defineRoute({
    method: "GET",
    path: BASE,
    openapi: {
      tag: TAG,
      summary: "List every store integration",
      success: { description: "Stores", schema: storeIntegrationCollectionSchema },
    },
    handle: async ({ principal }) =>
      json({
        items: await listStoreIntegrations(principal),
        _links: { self: { href: BASE, type: "application/json" } },
      }),
  }),
  defineRoute({
    method: "GET",
    path: LOCATION,
    schemas: { params: locationPathSchema },
    openapi: {
      tag: TAG,
      summary: "List an environment's store integrations",
      success: { description: "Stores", schema: storeIntegrationCollectionSchema },
      errors: [404],
    },
    handle: async ({ req, params, principal }) => {
      assertRedis(params.integrationKey);
      const environment = await getVisibleEnvironmentOrThrow(
        principal,
        params.projectKey,
        params.environmentKey,
      );
      return json({
        items: await listStoreIntegrations(principal, environment.id),
        _links: { self: { href: req.nextUrl.pathname, type: "application/json" } },
      });
    },
  }),
  defineRoute({
    method: "POST",
    path: LOCATION,
    schemas: { params: locationPathSchema },
    openapi: {
      tag: TAG,
      summary: "Create a Redis store integration",
      description:
        "`config.url` is `redis[s]://[user[:password]@]host[:port][/db]` only (no query, fragment or other path); its " +
        "credentials become the store's username and write-only password. 409 when another store already writes to the " +
        "same host, port, db and prefix. A host outside TRIBUTARY_STORE_ALLOWED_HOSTS is 400.",
      // Read by the handler, after the integration key is checked (an unknown one is a 404 whatever the body).
      requestBody: jsonRequestBody(storeIntegrationCreateSchema),
      success: { status: 201, description: "Created", schema: storeIntegrationSchema },
      errors: [403, 404, 409, 413, 415],
    },
    handle: async ({ req, params, principal }) => {
      assertRedis(params.integrationKey);
      const input = storeIntegrationCreateSchema.parse(await readJsonBody(req));
      const environment = await getVisibleEnvironmentOrThrow(
        principal,
        params.projectKey,
        params.environmentKey,
      );
      assertAccess(
        principal,
        "createIntegration",
        storeIntegrationResource(environment.project, environment, "redis"),
      );
      const store = await createStoreIntegration(principal, environment, input);
      return json(await serializeStoreIntegration(store, params), 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: ITEM,
    schemas: { params: itemPathSchema },
    openapi: {
      tag: TAG,
      summary: "Get a store integration with its status",
      success: { description: "Store", schema: storeIntegrationSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const { store } = await load(principal, params);
      return json(await serializeStoreIntegration(store, params));
    },
  }),
  defineRoute({
    method: "PATCH",
    path: ITEM,
    schemas: { params: itemPathSchema },
    openapi: {
      tag: TAG,
      summary: "Update a store integration",
      description:
        "Changing host, port, db, url, username or tls drops the stored password unless the same patch sets one. " +
        "409 on a failed `test` or when another store already writes to the new target.",
      // Read by the handler and checked by the update itself, path by path.
      requestBody: jsonRequestBody(patchSchema),
      success: { description: "Updated", schema: storeIntegrationSchema },
      errors: [403, 404, 409],
    },
    handle: async ({ req, params, principal }) => {
      const body = await readJsonBody(req);
      const { environment, store, resource } = await load(principal, params);
      assertAccess(principal, "updateIntegration", resource);
      const updated = await updateStoreIntegration(principal, environment, store, body);
      return json(await serializeStoreIntegration(updated, params));
    },
  }),
  defineRoute({
    method: "DELETE",
    path: ITEM,
    schemas: { params: itemPathSchema },
    openapi: {
      tag: TAG,
      summary: "Delete a store integration",
      success: { description: "Deleted" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const { environment, store, resource } = await load(principal, params);
      assertAccess(principal, "deleteIntegration", resource);
      await deleteStoreIntegration(principal, environment, store);
      return noContent();
    },
  }),
  defineRoute({
    method: "POST",
    path: `${ITEM}/test-connection`,
    schemas: { params: itemPathSchema },
    openapi: {
      tag: TAG,
      summary: "Connect to the store and PING it",
      description: "Needs `updateIntegration`: it sends the store's password to the configured server.",
      success: {
        description: "Result",
        schema: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().nullable() }),
      },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const { store, resource } = await load(principal, params);
      // It sends the store's password to the configured server: only who may change the store may make it do so.
      assertAccess(principal, "updateIntegration", resource);
      return json(await testStoreConnection(store));
    },
  }),
  defineRoute({
    method: "POST",
    path: `${ITEM}/resync`,
    schemas: { params: itemPathSchema },
    openapi: {
      tag: TAG,
      summary: "Rebuild the store from PostgreSQL",
      success: { status: 202, description: "Requested", schema: z.object({ requested: z.boolean() }) },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const { environment, store, resource } = await load(principal, params);
      assertAccess(principal, "updateIntegration", resource);
      await requestStoreResync(principal, environment, store);
      return json({ requested: true }, 202);
    },
  }),
];
