import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { auditLogQuerySchema, auditLogSearchSchema } from "@/lib/schemas/audit";
import { apiHandler } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { toCollection } from "@/lib/server/api/collection";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { listAuditEntries } from "@/lib/server/audit/list-audit-entries";

export const GET = apiHandler(
  async ({ req, principal }) => {
    const query = parseQuery(req.nextUrl, auditLogQuerySchema);
    const { items, totalCount } = await listAuditEntries(principal, query);
    return json(
      toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
    );
  },
  { route: "GET /api/v2/auditlog", access: () => ({ action: "viewAuditLog", resource: "acct" }) },
);

/** LaunchDarkly's search: the same query, and policy-like statements in the body selecting entries by resource. */
export const POST = apiHandler(
  async ({ req, principal }) => {
    const query = parseQuery(req.nextUrl, auditLogQuerySchema);
    const statements = auditLogSearchSchema.parse(await readJsonBody(req));
    const { items, totalCount } = await listAuditEntries(principal, { ...query, statements });
    return json(
      toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
    );
  },
  { route: "POST /api/v2/auditlog", access: () => ({ action: "viewAuditLog", resource: "acct" }) },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/auditlog", ["GET", "POST"]);
