import "server-only";
import type { PoolClient } from "pg";
import type { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { auditEntryInsertSql } from "@/lib/server/audit/audit-entry-insert-sql";
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
          text: auditEntryInsertSql(1),
          values: auditEntryValues(data),
        });
      },
    },
  };
}
