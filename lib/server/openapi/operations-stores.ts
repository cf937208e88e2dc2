import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorBodySchema } from "@/lib/schemas/common";
import {
  storeIntegrationCollectionSchema,
  storeIntegrationCreateSchema,
  storeIntegrationSchema,
} from "@/lib/schemas/store-integration";

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: `Error ${status}`, content: { "application/json": { schema: errorBodySchema } } },
    ]),
  );
const ok = (description: string, schema: z.ZodType, status = "200") => ({
  [status]: { description, content: { "application/json": { schema } } },
});
const tags = ["Persistent stores"];
const security = [{ ApiToken: [] }];
const base = "/api/v2/integration-capabilities/big-segment-store";
const location = {
  projectKey: z.string(),
  environmentKey: z.string(),
  integrationKey: z.string().meta({ example: "redis" }),
};
const item = { ...location, integrationId: z.string() };
const list = storeIntegrationCollectionSchema;
const patch = z
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

/** LaunchDarkly's persistent-store (big segment store) integration API, Redis only. */
export const storeOpenApiPaths: ZodOpenApiPathsObject = {
  [base]: {
    get: {
      tags,
      security,
      summary: "List every store integration",
      responses: { ...ok("Stores", list), ...errors(401, 429) },
    },
  },
  [`${base}/{projectKey}/{environmentKey}/{integrationKey}`]: {
    get: {
      tags,
      security,
      summary: "List an environment's store integrations",
      requestParams: { path: z.object(location) },
      responses: { ...ok("Stores", list), ...errors(401, 404, 429) },
    },
    post: {
      tags,
      security,
      summary: "Create a Redis store integration",
      description:
        "`config.url` is `redis[s]://[user[:password]@]host[:port][/db]` only (no query, fragment or other path); its " +
        "credentials become the store's username and write-only password. 409 when another store already writes to the " +
        "same host, port, db and prefix. A host outside TRIBUTARY_STORE_ALLOWED_HOSTS is 400.",
      requestParams: { path: z.object(location) },
      requestBody: { content: { "application/json": { schema: storeIntegrationCreateSchema } } },
      responses: {
        ...ok("Created", storeIntegrationSchema, "201"),
        ...errors(400, 401, 403, 404, 409, 413, 415, 429),
      },
    },
  },
  [`${base}/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}`]: {
    get: {
      tags,
      security,
      summary: "Get a store integration with its status",
      requestParams: { path: z.object(item) },
      responses: { ...ok("Store", storeIntegrationSchema), ...errors(401, 403, 404, 429) },
    },
    patch: {
      tags,
      security,
      summary: "Update a store integration",
      description:
        "Changing host, port, db, url, username or tls drops the stored password unless the same patch sets one. " +
        "409 on a failed `test` or when another store already writes to the new target.",
      requestParams: { path: z.object(item) },
      requestBody: { content: { "application/json": { schema: patch } } },
      responses: { ...ok("Updated", storeIntegrationSchema), ...errors(400, 401, 403, 404, 409, 429) },
    },
    delete: {
      tags,
      security,
      summary: "Delete a store integration",
      requestParams: { path: z.object(item) },
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404, 429) },
    },
  },
  [`${base}/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}/test-connection`]: {
    post: {
      tags,
      security,
      summary: "Connect to the store and PING it",
      description: "Needs `updateIntegration`: it sends the store's password to the configured server.",
      requestParams: { path: z.object(item) },
      responses: {
        ...ok(
          "Result",
          z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().nullable() }),
        ),
        ...errors(401, 403, 404, 429),
      },
    },
  },
  [`${base}/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}/resync`]: {
    post: {
      tags,
      security,
      summary: "Rebuild the store from PostgreSQL",
      requestParams: { path: z.object(item) },
      responses: {
        ...ok("Requested", z.object({ requested: z.boolean() }), "202"),
        ...errors(401, 403, 404, 429),
      },
    },
  },
};
