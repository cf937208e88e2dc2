import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/server/access/principal";

type Writer = {
  auditEntry: { create: (args: { data: Prisma.AuditEntryUncheckedCreateInput }) => Promise<unknown> };
};

export type AuditEntryInput = {
  kind: string;
  name: string;
  description: string;
  action: string;
  /** The resource specifier of the target. */
  target: string;
  previous?: Prisma.InputJsonValue;
  current?: Prisma.InputJsonValue;
};

/** Writes one audit entry with the same client as the change it records, so both commit or neither does. */
export async function recordAuditEntry(
  writer: Writer,
  principal: Principal | null,
  entry: AuditEntryInput,
  actorEmail?: string,
): Promise<void> {
  await writer.auditEntry.create({
    data: {
      kind: entry.kind,
      name: entry.name,
      description: entry.description,
      accesses: [{ action: entry.action, resource: entry.target }],
      target: entry.target,
      memberId: principal?.member.id ?? null,
      memberEmail: principal?.member.email ?? actorEmail ?? null,
      tokenId: principal?.token?.id ?? null,
      tokenName: principal?.token?.name ?? null,
      tokenEnding: principal?.token?.ending ?? null,
      previousVersion: entry.previous,
      currentVersion: entry.current,
    },
  });
}
