import "server-only";
import { prisma } from "@/lib/server/db";
import type { AuditEntryResponse } from "@/lib/schemas/audit";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { mayViewAuditTarget } from "@/lib/server/audit/may-view-audit-target";
import { serializeAuditEntry } from "@/lib/server/audit/serialize-audit-entry";
import { viewsEverything } from "@/lib/server/audit/views-everything";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One audit entry by `_id` (LaunchDarkly's `GET /api/v2/auditlog/{id}`), shown to exactly the callers who would see it
 * in the listing: one about what the caller may not view is a 404 like an unknown id, and so is an id that is not a UUID.
 */
export async function getAuditEntryOrThrow(principal: Principal, id: string): Promise<AuditEntryResponse> {
  const entry = UUID.test(id) ? await prisma.auditEntry.findUnique({ where: { id } }) : null;
  const visible =
    entry !== null && (viewsEverything(principal) || mayViewAuditTarget(principal, entry.target));
  if (!entry || !visible) throw new ApiError("not_found", `Audit log entry "${id}" not found`);
  return serializeAuditEntry(entry);
}
