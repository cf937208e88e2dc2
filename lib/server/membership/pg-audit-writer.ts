import "server-only";
import type { PoolClient } from "pg";
import type { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { auditEntryValues } from "@/lib/server/audit/audit-entry-values";

type AuditWriter = Parameters<typeof recordAuditEntry>[0];

/**
 * Lets `recordAuditEntry` write through a raw `pg` transaction, so an audit entry commits together with the change it
 * records.
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
          values: auditEntryValues(data),
        });
      },
    },
  };
}
