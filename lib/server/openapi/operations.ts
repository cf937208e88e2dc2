import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { collectionSchema, errorBodySchema } from "@/lib/schemas/common";
import { contextMembershipSchema } from "@/lib/schemas/membership";
import {
  SEMANTIC_PATCH_MEDIA_TYPE,
  segmentCreateSchema,
  segmentBulkTagsSchema,
  segmentJsonPatchSchema,
  segmentListQuerySchema,
  segmentSchema,
  segmentSemanticPatchSchema,
} from "@/lib/schemas/segment";

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

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const projectKey = z.string().meta({ description: "The project key" });
const environmentKey = z.string().meta({ description: "The environment key" });
const segmentKey = z.string().meta({ description: "The segment key" });

function operation(tag: string, summary: string, rest: Omit<ZodOpenApiOperationObject, "tags" | "summary">) {
  return { tags: [tag], summary, security: [{ ApiToken: [] }], ...rest };
}

/** Every documented path. A route added without an entry here is caught by the OpenAPI test. */
export const openApiPaths: ZodOpenApiPathsObject = {
  "/api/v2/segments/{projectKey}/{environmentKey}": {
    get: operation("Segments", "List segments", {
      description:
        "Only the segments the caller may view; `totalCount` and the paging links count only those. A caller who may view neither the environment nor any segment in it gets the 404 of an unknown environment.",
      requestParams: { path: z.object({ projectKey, environmentKey }), query: segmentListQuerySchema },
      responses: {
        ...ok("Segments the caller may view", collectionSchema(segmentSchema)),
        ...errors(400, 401, 404, 429),
      },
    }),
    post: operation("Segments", "Create a segment", {
      description:
        "Needs `createSegment`. A caller who may neither view the environment nor create here gets the 404 of an unknown environment.",
      requestParams: { path: z.object({ projectKey, environmentKey }) },
      requestBody: jsonBody(segmentCreateSchema),
      responses: {
        ...ok("Created", segmentSchema, "201"),
        ...errors(400, 401, 403, 404, 409, 413, 415, 429),
      },
    }),
  },
  "/api/v2/segment-tags/{projectKey}/{environmentKey}": {
    post: operation("Segments", "Add and remove tags on several segments", {
      description:
        "All or nothing: a missing segment, or one the caller may neither view nor tag (404, the same answer), one it may view but not tag (`updateTags`, 403) or an invalid result (400) changes none of them.",
      requestParams: { path: z.object({ projectKey, environmentKey }) },
      requestBody: jsonBody(segmentBulkTagsSchema),
      responses: {
        ...ok("The updated segments", z.object({ items: z.array(segmentSchema) })),
        ...errors(400, 401, 403, 404, 413, 415, 429),
      },
    }),
  },
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}": {
    get: operation("Segments", "Get a segment", {
      description:
        "A segment the caller may not view (`viewSegment`) is a 404 with the message of an unknown key; a missing project or environment gets that same message.",
      requestParams: { path: z.object({ projectKey, environmentKey, segmentKey }) },
      responses: { ...ok("Segment", segmentSchema), ...errors(401, 403, 404, 429) },
    }),
    patch: operation("Segments", "Update a segment's name, description or tags", {
      description:
        "A JSON Patch (RFC 6902) array, or with `Content-Type: " +
        SEMANTIC_PATCH_MEDIA_TYPE +
        "` a semantic patch. Each touched setting needs its action: `updateName`, `updateDescription`, `updateTags`. Access is checked before any operation (a `test` included) runs: a segment the caller may neither view nor act on is a 404, exactly like an unknown key.",
      requestParams: { path: z.object({ projectKey, environmentKey, segmentKey }) },
      requestBody: {
        content: {
          "application/json": { schema: segmentJsonPatchSchema },
          [SEMANTIC_PATCH_MEDIA_TYPE]: { schema: segmentSemanticPatchSchema },
        },
      },
      responses: {
        ...ok("Updated", segmentSchema),
        ...errors(400, 401, 403, 404, 409, 413, 415, 429),
      },
    }),
    delete: operation("Segments", "Delete a segment and its members", {
      description:
        "Needs `deleteSegment`. A segment the caller may neither view nor delete is a 404, exactly like an unknown key.",
      requestParams: { path: z.object({ projectKey, environmentKey, segmentKey }) },
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404, 429) },
    }),
  },
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users/{userKey}": {
    get: operation("Sync", "Look up one context's membership in a segment (LaunchDarkly's user-keyed path)", {
      description:
        "The same answer as `.../contexts/{contextKey}`, for clients that still use the user-keyed path.",
      requestParams: {
        path: z.object({
          projectKey,
          environmentKey,
          segmentKey,
          userKey: z.string().meta({ description: "The context key" }),
        }),
      },
      responses: { ...ok("Membership", contextMembershipSchema), ...errors(401, 403, 404, 429) },
    }),
  },
};
