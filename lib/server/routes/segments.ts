import "server-only";
import { z } from "zod";
import { collectionSchema, paginationQuerySchema } from "@/lib/schemas/common";
import { environmentPathSchema, segmentPathSchema } from "@/lib/schemas/path-params";
import {
  SEMANTIC_PATCH_MEDIA_TYPE,
  segmentBulkTagsSchema,
  segmentCreateSchema,
  segmentJsonPatchSchema,
  segmentListQuerySchema,
  segmentSchema,
  segmentSemanticPatchSchema,
  segmentTagListSchema,
  segmentUseToolNameSchema,
} from "@/lib/schemas/segment";
import { syncRunCollectionSchema } from "@/lib/schemas/sync-run";
import { assertAccess, checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, segmentResource } from "@/lib/server/access/resource-names";
import { toCollection } from "@/lib/server/api/collection";
import { defineRoute } from "@/lib/server/api/define-route";
import { json, noContent } from "@/lib/server/api/responses";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { findEnvironment } from "@/lib/server/environments/find-environment";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { bulkUpdateSegmentTags } from "@/lib/server/segments/bulk-update-segment-tags";
import { createSegment } from "@/lib/server/segments/create-segment";
import { deleteSegment } from "@/lib/server/segments/delete-segment";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";
import { handNameBackToTool } from "@/lib/server/segments/hand-name-back-to-tool";
import { listSegmentTags, MAX_SEGMENT_TAG_SUGGESTIONS } from "@/lib/server/segments/list-segment-tags";
import { listSegments } from "@/lib/server/segments/list-segments";
import { listVisibleSegmentSyncRuns } from "@/lib/server/segments/list-visible-segment-sync-runs";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { readSegmentPatch } from "@/lib/server/segments/read-segment-patch";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { updateSegment } from "@/lib/server/segments/update-segment";

const SEGMENTS = "/api/v2/segments/{projectKey}/{environmentKey}";
const SEGMENT = `${SEGMENTS}/{segmentKey}`;
const SEGMENT_TAGS = "/api/v2/segment-tags/{projectKey}/{environmentKey}";

/** A missing project or environment gets the segment's own 404, the one a segment the caller may not see gets. */
async function environmentOf(params: { projectKey: string; environmentKey: string; segmentKey: string }) {
  const environment = await findEnvironment(params.projectKey, params.environmentKey);
  if (environment === null)
    throw segmentsNotFound(params.projectKey, params.environmentKey, [params.segmentKey]);
  return environment;
}

/** Segments: list, create, read, update, delete, tag in bulk, their tags, the tool's name, and their sync runs. */
export const segmentRoutes = [
  defineRoute({
    method: "GET",
    path: SEGMENT_TAGS,
    schemas: { params: environmentPathSchema },
    openapi: {
      tag: "Segments",
      summary: "List the tags in use in an environment",
      description: `The distinct tags of the segments the caller may view, sorted case-insensitively, at most ${MAX_SEGMENT_TAG_SUGGESTIONS}. A caller who may see nothing in the environment gets the 404 of an unknown environment.`,
      success: { description: "Tags", schema: segmentTagListSchema },
      errors: [404],
    },
    handle: async ({ params, principal }) => {
      const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
      return json(await listSegmentTags(principal, environment));
    },
  }),
  defineRoute({
    method: "POST",
    path: `${SEGMENT}/use-tool-name`,
    schemas: { params: segmentPathSchema, body: segmentUseToolNameSchema },
    openapi: {
      tag: "Segments",
      summary: "Hand a synced segment's name back to its tool",
      description:
        "Undoes a rename by hand: the name becomes the cohort name the tool sent last (`_externalName`) and later syncs rename the segment again. Needs `updateName`. A segment that is not synced is a 400; one whose name already follows its tool is answered unchanged.",
      success: { description: "The segment", schema: segmentSchema },
      errors: [403, 404, 413, 415],
    },
    handle: async ({ params, body, principal }) =>
      json(await handNameBackToTool(principal, await environmentOf(params), params.segmentKey, body.comment)),
  }),
  defineRoute({
    method: "GET",
    path: SEGMENTS,
    schemas: { params: environmentPathSchema, query: segmentListQuerySchema },
    openapi: {
      tag: "Segments",
      summary: "List segments",
      description:
        "Only the segments the caller may view; `totalCount` and the paging links count only those. A caller who may view neither the environment nor any segment in it gets the 404 of an unknown environment.",
      success: { description: "Segments the caller may view", schema: collectionSchema(segmentSchema) },
      errors: [404],
    },
    handle: async ({ req, params, query, principal }) => {
      const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
      const { items, totalCount } = await listSegments(principal, environment, query);
      return json(
        toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
      );
    },
  }),
  defineRoute({
    method: "POST",
    path: SEGMENTS,
    schemas: { params: environmentPathSchema, body: segmentCreateSchema },
    openapi: {
      tag: "Segments",
      summary: "Create a segment",
      description:
        "Needs `createSegment`. A caller who may neither view the environment nor create here gets the 404 of an unknown environment.",
      success: { status: 201, description: "Created", schema: segmentSchema },
      errors: [403, 404, 409, 413, 415],
    },
    handle: async ({ params, body, principal }) => {
      const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
      const target = segmentResource(environment.project, environment, body);
      // Who may neither view the environment nor create here learns nothing of it: the answer for a made-up key.
      if (
        !checkAccess(principal, "viewEnvironment", environmentResource(environment.project, environment))
          .allowed &&
        !checkAccess(principal, "createSegment", target).allowed
      ) {
        throw environmentNotFound(params.projectKey, params.environmentKey);
      }
      assertAccess(principal, "createSegment", target);
      return json(await createSegment(principal, environment, body), 201);
    },
  }),
  defineRoute({
    method: "POST",
    path: SEGMENT_TAGS,
    schemas: { params: environmentPathSchema, body: segmentBulkTagsSchema },
    openapi: {
      tag: "Segments",
      summary: "Add and remove tags on several segments",
      description:
        "All or nothing: a missing segment, or one the caller may neither view nor tag (404, the same answer), one it may view but not tag (`updateTags`, 403) or an invalid result (400) changes none of them.",
      success: { description: "The updated segments", schema: z.object({ items: z.array(segmentSchema) }) },
      errors: [403, 404, 413, 415],
    },
    handle: async ({ params, body, principal }) => {
      const environment = await findEnvironment(params.projectKey, params.environmentKey);
      // The answer of a made-up environment is that of segments the caller may not see in a real one.
      if (environment === null) {
        throw segmentsNotFound(params.projectKey, params.environmentKey, [...new Set(body.keys)]);
      }
      return json({ items: await bulkUpdateSegmentTags(principal, environment, body) });
    },
  }),
  defineRoute({
    method: "GET",
    path: SEGMENT,
    schemas: { params: segmentPathSchema },
    openapi: {
      tag: "Segments",
      summary: "Get a segment",
      description:
        "A segment the caller may not view (`viewSegment`) is a 404 with the message of an unknown key; a missing project or environment gets that same message.",
      success: { description: "Segment", schema: segmentSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const { environment, segment } = await getVisibleSegmentOrThrow(
        principal,
        params.projectKey,
        params.environmentKey,
        params.segmentKey,
      );
      const location = { projectKey: environment.project.key, environmentKey: environment.key };
      return json(serializeSegment(segment, location, await loadSegmentTargets(segment)));
    },
  }),
  defineRoute({
    method: "PATCH",
    path: SEGMENT,
    schemas: { params: segmentPathSchema },
    openapi: {
      tag: "Segments",
      summary: "Update a segment's name, description or tags",
      description:
        "A JSON Patch (RFC 6902) array, or with `Content-Type: " +
        SEMANTIC_PATCH_MEDIA_TYPE +
        "` a semantic patch. Each touched setting needs its action: `updateName`, `updateDescription`, `updateTags`. Access is checked before any operation (a `test` included) runs: a segment the caller may neither view nor act on is a 404, exactly like an unknown key.",
      requestBody: {
        content: {
          "application/json": { schema: segmentJsonPatchSchema },
          [SEMANTIC_PATCH_MEDIA_TYPE]: { schema: segmentSemanticPatchSchema },
        },
      },
      success: { description: "Updated", schema: segmentSchema },
      errors: [403, 404, 409, 413, 415],
    },
    handle: async ({ req, params, principal }) => {
      const patch = await readSegmentPatch(req);
      return json(await updateSegment(principal, await environmentOf(params), params.segmentKey, patch));
    },
  }),
  defineRoute({
    method: "DELETE",
    path: SEGMENT,
    schemas: { params: segmentPathSchema },
    openapi: {
      tag: "Segments",
      summary: "Delete a segment and its members",
      description:
        "Needs `deleteSegment`. A segment the caller may neither view nor delete is a 404, exactly like an unknown key.",
      success: { description: "Deleted" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      await deleteSegment(principal, await environmentOf(params), params.segmentKey);
      return noContent();
    },
  }),
  defineRoute({
    method: "GET",
    path: `${SEGMENT}/syncs`,
    schemas: { params: segmentPathSchema, query: paginationQuerySchema },
    openapi: {
      tag: "Sync",
      summary: "List a segment's sync runs, newest first",
      success: { description: "Sync runs", schema: syncRunCollectionSchema },
      errors: [403, 404],
    },
    handle: async ({ req, params, query, principal }) => {
      const { environment, segment } = await getVisibleSegmentOrThrow(
        principal,
        params.projectKey,
        params.environmentKey,
        params.segmentKey,
      );
      const { items, totalCount } = await listVisibleSegmentSyncRuns(
        principal,
        environment,
        segment.id,
        query,
      );
      return json(toCollection(items, totalCount, { url: req.nextUrl, ...query }));
    },
  }),
];
