import "server-only";
import type { PoolClient } from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/server/access/principal";
import { auditEntryData, type AuditEntryInput } from "@/lib/server/audit/audit-entry-data";
import { auditEntryParams, insertAuditEntryStatement } from "@/lib/server/audit/audit-entry-statement";

export type { AuditEntryInput } from "@/lib/server/audit/audit-entry-data";

/**
 * Where an audit entry is written: a Prisma transaction, a `pg` one of `runSqlTransaction`, or the Prisma client itself
 * for an entry that records no change (a failed sign-in).
 */
export type AuditConnection = Pick<Prisma.TransactionClient, "$executeRawUnsafe"> | PoolClient;

/**
 * The one audit writer: writes one audit entry in the same transaction as the change it records, so both commit or
 * neither does. Either kind of transaction runs the same statement.
 */
export async function recordAuditEntry(
  connection: AuditConnection,
  principal: Principal | null,
  entry: AuditEntryInput,
  actorEmail?: string,
): Promise<void> {
  const params = auditEntryParams(auditEntryData(principal, entry, actorEmail));
  // Tested for the pg client: the shared Prisma client is a proxy, and `in` finds none of its properties.
  if ("query" in connection) {
    await connection.query(insertAuditEntryStatement.query(params));
  } else {
    await connection.$executeRawUnsafe(
      insertAuditEntryStatement.text,
      ...insertAuditEntryStatement.values(params),
    );
  }
}
