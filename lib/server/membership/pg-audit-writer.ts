import "server-only";
import type { PoolClient } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";

type AuditWriter = Parameters<typeof recordAuditEntry>[0];

function jsonParameter(value: unknown): string | null {
  if (value === undefined || value === null || value === Prisma.DbNull || value === Prisma.JsonNull)
    return null;
  return JSON.stringify(value);
}

/**
 * Lets `recordAuditEntry` write through a raw `pg` transaction, so a sync's audit entry commits together with the
 * membership change it records.
 */
export function pgAuditWriter(client: PoolClient): AuditWriter {
  return {
    auditEntry: {
      create: async ({ data }) => {
        await client.query({
          name: "tributary_insert_audit_entry",
          text: `INSERT INTO audit_entry (kind, name, description, accesses, target, member_id, member_email, token_id,
             token_name, token_ending, previous_version, current_version)
           VALUES ($1, $2, $3, COALESCE($4::jsonb, '[]'::jsonb), $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb)`,
          values: [
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
          ],
        });
      },
    },
  };
}
