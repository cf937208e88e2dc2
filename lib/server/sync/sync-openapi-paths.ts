import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { apiVersionsSchema } from "@/lib/schemas/api-versions";
import { errorBodySchema, paginationQuerySchema } from "@/lib/schemas/common";
import {
  contextMembershipSchema,
  evaluateContextSchema,
  evaluateResponseSchema,
  membershipChangeSchema,
} from "@/lib/schemas/membership";
import {
  environmentSyncRunsQuerySchema,
  integrationListSchema,
  syncRunCollectionSchema,
} from "@/lib/schemas/sync-run";

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: `Error ${status}`, content: { "application/json": { schema: errorBodySchema } } },
    ]),
  );

const ok = (description: string, schema: z.ZodType) => ({
  "200": { description, content: { "application/json": { schema } } },
});

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const projectKey = z.string().meta({ description: "The project key" });
const environmentKey = z.string().meta({ description: "The environment key" });
const segmentKey = z.string().meta({ description: "The segment key" });
const contextKey = z.string().meta({ description: "The context key, percent-encoded" });
const integrationKey = z.string().meta({ description: "The partner integration, e.g. `amplitude`" });
const segmentPath = z.object({ projectKey, environmentKey, segmentKey });

const partnerBody = z.record(z.string(), z.unknown()).meta({
  description: "The tool's own payload, as it sends it to LaunchDarkly (see GET /api/v2/integrations)",
});

const heapSuccessSchema = z.object({
  projectId: z.string(),
  environmentId: z.string(),
  segmentId: z.string(),
  segmentUrl: z.string(),
  status: z.literal("success"),
});

function operation(tag: string, summary: string, rest: Omit<ZodOpenApiOperationObject, "tags" | "summary">) {
  return { tags: [tag], summary, security: [{ ApiToken: [] }], ...rest };
}

const partnerPush = operation("Sync", "Push a partner's cohort membership", {
  description:
    "Finds or creates the synced segment of each cohort and applies its adds and removes in one transaction. " +
    "Needs `createSegment` (to create) and `updateIncluded`. Members with an unusable id are skipped and counted. " +
    "Items of a tool that sends one item per member with `true`/`false` apply in order, the last of a key deciding; " +
    "add and remove lists apply adds, then removes. Heap's errors come in its own body: " +
    '`{status: "failure", error: {message, code}}` with the HTTP status as `code`, and `projectId`, ' +
    "`environmentId`, `segmentId` and `segmentUrl` where the push had found them.",
  requestParams: { path: z.object({ integrationKey }) },
  requestBody: jsonBody(partnerBody),
  responses: {
    "204": { description: "Applied" },
    ...ok("Applied (Heap's answer)", heapSuccessSchema),
    ...errors(400, 401, 403, 404, 413, 415, 429, 503),
  },
});

const contextsPush = operation("Sync", "Add or remove a segment's included and excluded contexts", {
  description:
    "Needs `updateIncluded`, and `updateExcluded` for excluded keys. An invalid key rejects the request.",
  requestParams: { path: segmentPath },
  requestBody: jsonBody(membershipChangeSchema),
  responses: { "204": { description: "Applied" }, ...errors(400, 401, 403, 404, 413, 415, 429, 503) },
});

const clientSideId = z.string().meta({ description: "The environment's client-side ID" });

/** The sync API's paths, for the OpenAPI document. */
export const syncOpenApiPaths: ZodOpenApiPathsObject = {
  "/api/v2/versions": {
    get: operation("Sync", "List the API versions (tools call it to check their token)", {
      description:
        "Any valid token may call it; an invalid one gets 401. Tributary answers every version the same way.",
      responses: { ...ok("Versions", apiVersionsSchema), ...errors(401, 429) },
    }),
  },
  "/sdk/goals/{clientSideId}": {
    get: {
      tags: ["Sync"],
      summary: "An environment's experiment goals (always none): tools call it to check a client-side ID",
      description:
        "Needs no token, like LaunchDarkly's client-side SDK endpoint. HEAD answers the same without a body.",
      security: [],
      requestParams: { path: z.object({ clientSideId }) },
      responses: { ...ok("No goals", z.array(z.never())), ...errors(404, 503) },
    },
  },
  "/api/v2/segment-targets/{integrationKey}": { post: partnerPush },
  "/api/v2/segment-target/{integrationKey}": {
    post: { ...partnerPush, summary: `${partnerPush.summary} (alias)` },
  },
  "/api/v2/integrations": {
    get: operation("Sync", "List the partner integrations", {
      responses: { ...ok("Integrations", integrationListSchema), ...errors(401, 429) },
    }),
  },
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts": { post: contextsPush },
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users": {
    post: { ...contextsPush, summary: `${contextsPush.summary} (alias)` },
  },
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts/{contextKey}": {
    get: operation("Sync", "Look up one context's membership in a segment", {
      requestParams: { path: segmentPath.extend({ contextKey }) },
      responses: { ...ok("Membership", contextMembershipSchema), ...errors(401, 403, 404, 429) },
    }),
  },
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/syncs": {
    get: operation("Sync", "List a segment's sync runs, newest first", {
      requestParams: { path: segmentPath, query: paginationQuerySchema },
      responses: { ...ok("Sync runs", syncRunCollectionSchema), ...errors(400, 401, 403, 404, 429) },
    }),
  },
  "/api/v2/syncs": {
    get: operation("Sync", "List an environment's sync runs, newest first", {
      requestParams: { query: environmentSyncRunsQuerySchema },
      responses: { ...ok("Sync runs", syncRunCollectionSchema), ...errors(400, 401, 403, 404, 429) },
    }),
  },
  "/api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate": {
    post: operation("Sync", "List the segments a context belongs to", {
      requestParams: { path: z.object({ projectKey, environmentKey }) },
      requestBody: jsonBody(evaluateContextSchema),
      responses: { ...ok("Segments", evaluateResponseSchema), ...errors(400, 401, 404, 413, 415, 429) },
    }),
  },
};
