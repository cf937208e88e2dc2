import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorBodySchema } from "@/lib/schemas/common";
import { segmentMemberListQuerySchema, segmentMemberListSchema } from "@/lib/schemas/segment-member-list";
import {
  importChunkSchema,
  importCommitSchema,
  importCreateSchema,
  importSummarySchema,
  segmentImportSchema,
  segmentImportWithPreviewSchema,
} from "@/lib/schemas/segment-import";
import { syncStatsQuerySchema, syncStatsSchema } from "@/lib/schemas/sync-stats";

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
const security = [{ ApiToken: [] }];
const segmentPath = { projectKey: z.string(), environmentKey: z.string(), segmentKey: z.string() };
const importPath = { ...segmentPath, importId: z.string() };
const base = "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}";
const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

/** The dashboard's member browsing, CSV export and import, and hourly sync statistics. */
export const segmentMembersImportsOpenApiPaths: ZodOpenApiPathsObject = {
  [`${base}/members`]: {
    get: {
      tags: ["Members"],
      security,
      summary: "List included context keys (keyset paging, prefix search)",
      requestParams: { path: z.object(segmentPath), query: segmentMemberListQuerySchema },
      responses: { ...ok("Members", segmentMemberListSchema), ...errors(400, 401, 403, 404, 429) },
    },
  },
  [`${base}/members/export`]: {
    get: {
      tags: ["Members"],
      security,
      summary: "Download every included context key as CSV (streamed)",
      requestParams: { path: z.object(segmentPath) },
      responses: {
        "200": {
          description:
            "CSV with the header context_key,added_at. Against spreadsheet formula injection, a key starting with `=`, `+`, `-`, `@`, tab or CR, or with `'` followed by one of these or by another `'`, is written with one extra leading `'`; the dashboard's CSV import removes it again.",
          content: { "text/csv": { schema: z.string() } },
        },
        ...errors(401, 403, 404, 429),
      },
    },
  },
  [`${base}/imports`]: {
    post: {
      tags: ["Imports"],
      security,
      summary: "Start a CSV import (merge or replace) into a segment that is not synced",
      requestParams: { path: z.object(segmentPath) },
      requestBody: json(importCreateSchema),
      responses: { ...ok("Started", segmentImportSchema, "201"), ...errors(400, 401, 403, 404, 409, 429) },
    },
  },
  [`${base}/imports/{importId}`]: {
    get: {
      tags: ["Imports"],
      security,
      summary: "An import with a preview of what committing it would do",
      requestParams: { path: z.object(importPath) },
      responses: { ...ok("Import", segmentImportWithPreviewSchema), ...errors(401, 403, 404, 429) },
    },
    delete: {
      tags: ["Imports"],
      security,
      summary: "Discard an import",
      requestParams: { path: z.object(importPath) },
      responses: { "204": { description: "Discarded" }, ...errors(401, 403, 404, 429) },
    },
  },
  [`${base}/imports/{importId}/chunks`]: {
    post: {
      tags: ["Imports"],
      security,
      summary: "Add up to 10,000 keys to an import",
      requestParams: { path: z.object(importPath) },
      requestBody: json(importChunkSchema),
      responses: { ...ok("Staged", segmentImportSchema), ...errors(400, 401, 403, 404, 409, 413, 429) },
    },
  },
  [`${base}/imports/{importId}/commit`]: {
    post: {
      tags: ["Imports"],
      security,
      summary: "Apply an import in one transaction, as one sync run",
      requestParams: { path: z.object(importPath) },
      requestBody: json(importCommitSchema),
      responses: { ...ok("Applied", importSummarySchema), ...errors(400, 401, 403, 404, 409, 429) },
    },
  },
  "/api/v2/syncs/stats": {
    get: {
      tags: ["Sync runs"],
      security,
      summary: "Pushes, members and failures per hour for an environment",
      requestParams: { query: syncStatsQuerySchema },
      responses: { ...ok("Hourly statistics", syncStatsSchema), ...errors(400, 401, 403, 404, 429) },
    },
  },
};
