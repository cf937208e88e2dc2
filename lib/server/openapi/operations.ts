import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { collectionSchema, errorBodySchema } from "@/lib/schemas/common";
import { environmentCreateSchema, environmentSchema } from "@/lib/schemas/environment";
import { projectCreateSchema, projectSchema } from "@/lib/schemas/project";
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
  "/api/v2/projects": {
    get: operation("Projects", "List projects", {
      responses: { ...ok("Projects", collectionSchema(projectSchema)), ...errors(400, 401, 403, 429) },
    }),
    post: operation("Projects", "Create a project", {
      requestBody: jsonBody(projectCreateSchema),
      responses: { ...ok("Created", projectSchema, "201"), ...errors(400, 401, 403, 409, 413, 415, 429) },
    }),
  },
  "/api/v2/projects/{projectKey}": {
    get: operation("Projects", "Get a project", {
      requestParams: { path: z.object({ projectKey }) },
      responses: { ...ok("Project", projectSchema), ...errors(401, 403, 404, 429) },
    }),
  },
  "/api/v2/projects/{projectKey}/environments": {
    get: operation("Environments", "List environments", {
      requestParams: { path: z.object({ projectKey }) },
      responses: {
        ...ok("Environments", collectionSchema(environmentSchema)),
        ...errors(401, 403, 404, 429),
      },
    }),
    post: operation("Environments", "Create an environment", {
      requestParams: { path: z.object({ projectKey }) },
      requestBody: jsonBody(environmentCreateSchema),
      responses: {
        ...ok("Created", environmentSchema, "201"),
        ...errors(400, 401, 403, 404, 409, 413, 415, 429),
      },
    }),
  },
  "/api/v2/projects/{projectKey}/environments/{environmentKey}": {
    get: operation("Environments", "Get an environment", {
      requestParams: { path: z.object({ projectKey, environmentKey }) },
      responses: { ...ok("Environment", environmentSchema), ...errors(401, 403, 404, 429) },
    }),
  },
  "/api/v2/segments/{projectKey}/{environmentKey}": {
    get: operation("Segments", "List segments", {
      requestParams: { path: z.object({ projectKey, environmentKey }), query: segmentListQuerySchema },
      responses: {
        ...ok("Segments the caller may view", collectionSchema(segmentSchema)),
        ...errors(400, 401, 404, 429),
      },
    }),
    post: operation("Segments", "Create a segment", {
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
        "All or nothing: a missing segment (404), one the caller may not tag (`updateTags`, 403) or an invalid result (400) changes none of them.",
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
      requestParams: { path: z.object({ projectKey, environmentKey, segmentKey }) },
      responses: { ...ok("Segment", segmentSchema), ...errors(401, 403, 404, 429) },
    }),
    patch: operation("Segments", "Update a segment's name, description or tags", {
      description:
        "A JSON Patch (RFC 6902) array, or with `Content-Type: " +
        SEMANTIC_PATCH_MEDIA_TYPE +
        "` a semantic patch. Each touched setting needs its action: `updateName`, `updateDescription`, `updateTags`.",
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
      requestParams: { path: z.object({ projectKey, environmentKey, segmentKey }) },
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404, 429) },
    }),
  },
};
