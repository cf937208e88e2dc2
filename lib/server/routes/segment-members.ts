import "server-only";
import { z } from "zod";
import { segmentPathSchema } from "@/lib/schemas/path-params";
import {
  importChunkSchema,
  importCommitSchema,
  importCreateSchema,
  importSummarySchema,
  segmentImportSchema,
  segmentImportWithPreviewSchema,
} from "@/lib/schemas/segment-import";
import { segmentMemberListQuerySchema, segmentMemberListSchema } from "@/lib/schemas/segment-member-list";
import { syncStatsQuerySchema, syncStatsSchema } from "@/lib/schemas/sync-stats";
import { defineRoute } from "@/lib/server/api/define-route";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json, noContent } from "@/lib/server/api/responses";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { hiddenRunSegmentKeys } from "@/lib/server/environments/hidden-run-segment-keys";
import { addImportChunk } from "@/lib/server/imports/add-import-chunk";
import { commitSegmentImport } from "@/lib/server/imports/commit-segment-import";
import { createSegmentImport } from "@/lib/server/imports/create-segment-import";
import { discardSegmentImport } from "@/lib/server/imports/discard-segment-import";
import { getSegmentImportOrThrow } from "@/lib/server/imports/get-segment-import-or-throw";
import { importOwner } from "@/lib/server/imports/import-owner";
import { jsonRequestBody } from "@/lib/server/openapi/operation-parts";
import { listSegmentMembers } from "@/lib/server/segment-members/list-segment-members";
import { streamSegmentMembersCsv } from "@/lib/server/segment-members/stream-segment-members-csv";
import { canViewEverySegment } from "@/lib/server/segments/can-view-every-segment";
import { getSegmentForActionOrHide } from "@/lib/server/segments/get-segment-for-action-or-hide";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";
import { listHourlySyncStats } from "@/lib/server/sync-stats/list-hourly-sync-stats";

const SEGMENT = "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}";
const IMPORT = `${SEGMENT}/imports/{importId}`;
const importPathSchema = segmentPathSchema.extend({ importId: z.string() });

/** The dashboard's segment member browsing, CSV export and import, and hourly sync statistics. */
export const segmentMemberRoutes = [
  defineRoute({
    method: "GET",
    path: `${SEGMENT}/members`,
    schemas: { params: segmentPathSchema, query: segmentMemberListQuerySchema },
    openapi: {
      tag: "Members",
      summary: "List included context keys (keyset paging, prefix search)",
      success: { description: "Members", schema: segmentMemberListSchema },
      errors: [403, 404],
    },
    handle: async ({ params, query, principal }) => {
      const { segment } = await getVisibleSegmentOrThrow(
        principal,
        params.projectKey,
        params.environmentKey,
        params.segmentKey,
      );
      return json(await listSegmentMembers(segment, query));
    },
  }),
  defineRoute({
    method: "GET",
    path: `${SEGMENT}/members/export`,
    schemas: { params: segmentPathSchema },
    openapi: {
      tag: "Members",
      summary: "Download every included context key as CSV (streamed)",
      success: {
        description:
          "CSV with the header context_key,added_at. Against spreadsheet formula injection, a key starting with `=`, `+`, `-`, `@`, tab or CR, or with `'` followed by one of these or by another `'`, is written with one extra leading `'`; the dashboard's CSV import removes it again.",
        schema: z.string(),
        mediaType: "text/csv",
      },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const { segment } = await getVisibleSegmentOrThrow(
        principal,
        params.projectKey,
        params.environmentKey,
        params.segmentKey,
      );
      // Segment keys are [A-Za-z0-9._-], so the file name needs no quoting beyond the quotes themselves.
      return new Response(await streamSegmentMembersCsv(segment.id), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${segment.key}-members.csv"`,
          "Cache-Control": "no-store",
        },
      });
    },
  }),
  defineRoute({
    method: "POST",
    path: `${SEGMENT}/imports`,
    schemas: { params: segmentPathSchema, body: importCreateSchema },
    openapi: {
      tag: "Imports",
      summary: "Start a CSV import (merge or replace) into a segment that is not synced",
      success: { status: 201, description: "Started", schema: segmentImportSchema },
      errors: [403, 404, 409],
    },
    handle: async ({ params, body, principal }) => {
      const { segment } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
      return json(await createSegmentImport(principal, segment, body.mode), 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: IMPORT,
    schemas: { params: importPathSchema },
    openapi: {
      tag: "Imports",
      summary: "An import with a preview of what committing it would do",
      success: { description: "Import", schema: segmentImportWithPreviewSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const { segment } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
      return json(
        await getSegmentImportOrThrow({
          importId: params.importId,
          segmentId: segment.id,
          owner: importOwner(principal),
        }),
      );
    },
  }),
  defineRoute({
    method: "DELETE",
    path: IMPORT,
    schemas: { params: importPathSchema },
    openapi: {
      tag: "Imports",
      summary: "Discard an import",
      success: { description: "Discarded" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const { segment } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
      await discardSegmentImport({
        importId: params.importId,
        segmentId: segment.id,
        owner: importOwner(principal),
      });
      return noContent();
    },
  }),
  defineRoute({
    method: "POST",
    path: `${IMPORT}/chunks`,
    schemas: { params: importPathSchema, body: importChunkSchema },
    openapi: {
      tag: "Imports",
      summary:
        "Add up to 10,000 keys to an import; keys that are not valid context keys are skipped and counted",
      success: { description: "Staged", schema: segmentImportSchema },
      errors: [403, 404, 409, 413],
    },
    handle: async ({ params, body, principal }) => {
      const { segment } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
      return json(
        await addImportChunk(
          { importId: params.importId, segmentId: segment.id, owner: importOwner(principal) },
          body,
        ),
      );
    },
  }),
  defineRoute({
    method: "POST",
    path: `${IMPORT}/commit`,
    schemas: { params: importPathSchema },
    openapi: {
      tag: "Imports",
      summary: "Apply an import in one transaction, as one sync run",
      // Read by the handler: an empty body is a commit without confirmation.
      requestBody: jsonRequestBody(importCommitSchema),
      success: { description: "Applied", schema: importSummarySchema },
      errors: [403, 404, 409],
    },
    handle: async ({ req, params, principal }) => {
      const body =
        req.headers.get("content-length") === "0" || req.body === null ? {} : await readJsonBody(req);
      const { confirm } = importCommitSchema.parse(body);
      const { segment, resource } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
      return json(
        await commitSegmentImport({
          principal,
          segment,
          resource,
          importId: params.importId,
          confirm: confirm ?? false,
        }),
      );
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v2/syncs/stats",
    schemas: { query: syncStatsQuerySchema },
    openapi: {
      tag: "Sync runs",
      summary: "Pushes, members and failures per hour for an environment",
      success: { description: "Hourly statistics", schema: syncStatsSchema },
      errors: [403, 404],
    },
    handle: async ({ query, principal }) => {
      const environment = await getVisibleEnvironmentOrThrow(
        principal,
        query.projectKey,
        query.environmentKey,
      );
      const hidden = canViewEverySegment(principal, environment.project, environment)
        ? []
        : await hiddenRunSegmentKeys(principal, environment);
      return json({ items: await listHourlySyncStats(environment.id, query.hours, hidden) });
    },
  }),
];
