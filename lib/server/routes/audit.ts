import "server-only";
import { z } from "zod";
import {
  MAX_AUDIT_SEARCH_STATEMENTS,
  auditEntryCollectionSchema,
  auditEntrySchema,
  auditLogQuerySchema,
  auditLogSearchSchema,
} from "@/lib/schemas/audit";
import { toCollection } from "@/lib/server/api/collection";
import { defineRoute } from "@/lib/server/api/define-route";
import { json } from "@/lib/server/api/responses";
import { getAuditEntryOrThrow } from "@/lib/server/audit/get-audit-entry-or-throw";
import { listAuditEntries } from "@/lib/server/audit/list-audit-entries";

const TAG = "Audit log";
const AUDIT_LOG = "/api/v2/auditlog";
const viewAuditLog = () => ({ action: "viewAuditLog", resource: "acct" });

/** The audit log (api-contract §7). */
export const auditRoutes = [
  defineRoute({
    method: "GET",
    path: AUDIT_LOG,
    schemas: { query: auditLogQuerySchema },
    access: viewAuditLog,
    openapi: {
      tag: TAG,
      summary: "List audit log entries",
      description: "Needs `viewAuditLog` on `acct`. Newest first, then `_id` descending.",
      success: { description: "Audit log entries", schema: auditEntryCollectionSchema },
    },
    handle: async ({ req, query, principal }) => {
      const { items, totalCount } = await listAuditEntries(principal, query);
      return json(
        toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
      );
    },
  }),
  // LaunchDarkly's search: the same query, and policy-like statements in the body selecting entries by resource.
  defineRoute({
    method: "POST",
    path: AUDIT_LOG,
    schemas: { query: auditLogQuerySchema, body: auditLogSearchSchema },
    access: viewAuditLog,
    openapi: {
      tag: TAG,
      summary: "Search audit log entries",
      description: `Needs \`viewAuditLog\` on \`acct\`. The query of the listing, and in the body at most ${MAX_AUDIT_SEARCH_STATEMENTS} statements whose \`resources\`/\`notResources\` select entries by what they are about (the target or an ancestor, as \`spec\`): an entry is kept when an \`allow\` statement selects it and no \`deny\` does. \`actions\` may only be \`["*"]\`.`,
      success: { description: "Audit log entries", schema: auditEntryCollectionSchema },
      errors: [413, 415],
    },
    handle: async ({ req, query, body, principal }) => {
      const { items, totalCount } = await listAuditEntries(principal, { ...query, statements: body });
      return json(
        toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
      );
    },
  }),
  defineRoute({
    method: "GET",
    path: `${AUDIT_LOG}/{id}`,
    schemas: { params: z.object({ id: z.string() }) },
    access: viewAuditLog,
    openapi: {
      tag: TAG,
      summary: "Get an audit log entry",
      description:
        "Needs `viewAuditLog` on `acct`. An entry about what the caller may not view is a 404 like an unknown id.",
      success: { description: "Audit log entry", schema: auditEntrySchema },
      errors: [404],
    },
    handle: async ({ params, principal }) => json(await getAuditEntryOrThrow(principal, params.id)),
  }),
];
