import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { getAuditEntryOrThrow } from "@/lib/server/audit/get-audit-entry-or-throw";

type Params = { id: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => json(await getAuditEntryOrThrow(principal, params.id)),
  { route: "GET /api/v2/auditlog/{id}", access: () => ({ action: "viewAuditLog", resource: "acct" }) },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/auditlog/{id}", ["GET"]);
