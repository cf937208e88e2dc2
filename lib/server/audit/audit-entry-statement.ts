import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntryData } from "@/lib/server/audit/audit-entry-data";
import { sqlStatement, type ParameterCasts, type Placeholders } from "@/lib/server/sql/sql-statement";

/** An audit row as statement parameters (JSON as text, cast to jsonb in SQL); all null for no row. */
export type AuditEntryParams = {
  auditKind: string | null;
  auditName: string | null;
  auditDescription: string | null;
  auditAccesses: string | null;
  auditTarget: string | null;
  auditMemberId: string | null;
  auditMemberEmail: string | null;
  auditTokenId: string | null;
  auditTokenName: string | null;
  auditTokenEnding: string | null;
  auditPreviousVersion: string | null;
  auditCurrentVersion: string | null;
  auditComment: string | null;
  /** Whether the change was made with a service token; null for no row. */
  auditTokenService: boolean | null;
};

export const AUDIT_ENTRY_CASTS: ParameterCasts<AuditEntryParams> = {
  auditKind: "::text",
  auditName: "",
  auditDescription: "",
  auditAccesses: "::jsonb",
  auditTarget: "",
  auditMemberId: "",
  auditMemberEmail: "",
  auditTokenId: "",
  auditTokenName: "",
  auditTokenEnding: "",
  auditPreviousVersion: "::jsonb",
  auditCurrentVersion: "::jsonb",
  auditComment: "",
  auditTokenService: "::boolean",
};

/**
 * `INSERT INTO audit_entry ... SELECT` with the audit parameters' placeholders, for a statement that writes an audit entry
 * together with its change (the membership run's last statement). A caller may append a WHERE clause.
 */
export function auditEntryInsertSql(p: Placeholders<AuditEntryParams>): string {
  return `INSERT INTO audit_entry (kind, name, description, accesses, target, member_id, member_email, token_id,
      token_name, token_ending, previous_version, current_version, comment, token_service)
    SELECT ${p.auditKind}, ${p.auditName}, ${p.auditDescription}, COALESCE(${p.auditAccesses}, '[]'::jsonb),
      ${p.auditTarget}, ${p.auditMemberId}, ${p.auditMemberEmail}, ${p.auditTokenId}, ${p.auditTokenName},
      ${p.auditTokenEnding}, ${p.auditPreviousVersion}, ${p.auditCurrentVersion}, ${p.auditComment},
      COALESCE(${p.auditTokenService}, false)`;
}

function jsonParameter(value: unknown): string | null {
  if (value === undefined || value === null || value === Prisma.DbNull || value === Prisma.JsonNull)
    return null;
  return JSON.stringify(value);
}

/** The parameters of one audit row, or of none (all null). */
export function auditEntryParams(data: AuditEntryData | null): AuditEntryParams {
  return {
    auditKind: data?.kind ?? null,
    auditName: data?.name ?? null,
    auditDescription: data?.description ?? null,
    auditAccesses: jsonParameter(data?.accesses),
    auditTarget: data?.target ?? null,
    auditMemberId: data?.memberId ?? null,
    auditMemberEmail: data?.memberEmail ?? null,
    auditTokenId: data?.tokenId ?? null,
    auditTokenName: data?.tokenName ?? null,
    auditTokenEnding: data?.tokenEnding ?? null,
    auditPreviousVersion: jsonParameter(data?.previousVersion),
    auditCurrentVersion: jsonParameter(data?.currentVersion),
    auditComment: data?.comment ?? null,
    auditTokenService: data === null ? null : data.tokenService === true,
  };
}

/** One audit entry on its own. */
export const insertAuditEntryStatement = sqlStatement(
  "tributary_insert_audit_entry",
  AUDIT_ENTRY_CASTS,
  auditEntryInsertSql,
);
