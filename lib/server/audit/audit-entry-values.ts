import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntryData } from "@/lib/server/audit/audit-entry-data";

function jsonParameter(value: unknown): string | null {
  if (value === undefined || value === null || value === Prisma.DbNull || value === Prisma.JsonNull)
    return null;
  return JSON.stringify(value);
}

/**
 * An audit row as query parameters for raw SQL inserts, in the column order kind, name, description, accesses, target,
 * member_id, member_email, token_id, token_name, token_ending, previous_version, current_version (JSON as text, to cast
 * to jsonb).
 */
export function auditEntryValues(data: AuditEntryData): (string | null)[] {
  return [
    data.kind,
    data.name,
    data.description,
    jsonParameter(data.accesses),
    data.target,
    data.memberId ?? null,
    data.memberEmail ?? null,
    data.tokenId ?? null,
    data.tokenName ?? null,
    data.tokenEnding ?? null,
    jsonParameter(data.previousVersion),
    jsonParameter(data.currentVersion),
  ];
}
