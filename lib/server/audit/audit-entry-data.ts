import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/server/access/principal";

export type AuditEntryInput = {
  kind: string;
  name: string;
  description: string;
  action: string;
  /** The resource specifier of the target. */
  target: string;
  previous?: Prisma.InputJsonValue;
  current?: Prisma.InputJsonValue;
  /** The caller's comment on the change, as LaunchDarkly's `{comment, patch}` body carries it. */
  comment?: string;
};

export type AuditEntryData = Prisma.AuditEntryUncheckedCreateInput;

/** The audit row for a change made by `principal` (null: the system, named by `actorEmail`). */
export function auditEntryData(
  principal: Principal | null,
  entry: AuditEntryInput,
  actorEmail?: string,
): AuditEntryData {
  return {
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
    tokenService: principal?.token?.serviceToken ?? false,
    previousVersion: entry.previous,
    currentVersion: entry.current,
    comment: entry.comment ?? null,
  };
}
