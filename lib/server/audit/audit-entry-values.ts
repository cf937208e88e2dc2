import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntryData } from "@/lib/server/audit/audit-entry-data";
import { AUDIT_ENTRY_VALUE_COUNT } from "@/lib/server/audit/audit-entry-insert-sql";

function jsonParameter(value: unknown): string | null {
  if (value === undefined || value === null || value === Prisma.DbNull || value === Prisma.JsonNull)
    return null;
  return JSON.stringify(value);
}

/**
 * An audit row as the parameters of `auditEntryInsertSql` (JSON as text, to cast to jsonb); for no row, as many nulls.
 */
export function auditEntryValues(data: AuditEntryData | null): (string | null)[] {
  if (data === null) return Array.from({ length: AUDIT_ENTRY_VALUE_COUNT }, () => null);
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
    data.tokenService === true ? "true" : "false",
  ];
}
