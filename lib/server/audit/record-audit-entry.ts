import "server-only";
import type { Principal } from "@/lib/server/access/principal";
import {
  auditEntryData,
  type AuditEntryData,
  type AuditEntryInput,
} from "@/lib/server/audit/audit-entry-data";

export type { AuditEntryInput } from "@/lib/server/audit/audit-entry-data";

type Writer = { auditEntry: { create: (args: { data: AuditEntryData }) => Promise<unknown> } };

/** Writes one audit entry with the same client as the change it records, so both commit or neither does. */
export async function recordAuditEntry(
  writer: Writer,
  principal: Principal | null,
  entry: AuditEntryInput,
  actorEmail?: string,
): Promise<void> {
  await writer.auditEntry.create({ data: auditEntryData(principal, entry, actorEmail) });
}
