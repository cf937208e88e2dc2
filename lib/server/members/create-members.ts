import "server-only";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberResponse, MemberToCreate } from "@/lib/schemas/member";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { memberAuditVersion } from "@/lib/server/members/member-audit-version";
import { MEMBER_INCLUDE, serializeMember, type MemberRow } from "@/lib/server/members/serialize-member";
import { findRolesByKeys } from "@/lib/server/roles/find-roles-by-keys";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

const PASSWORD_COST = 10;

/**
 * Creates members, all or none. With a password the creator sets it and so can act as the member; without one the member
 * is a pending invite (no password hash: nobody can sign in as them until one is set). Either way the member's role and
 * custom roles may not grant more than the creator holds. Never the owner (ownership is transferred, not created).
 */
export async function createMembers(
  principal: Principal,
  inputs: readonly MemberToCreate[],
  /** Runs in the transaction after each member is created (invites store their link here); it may run again on a retry. */
  onCreated?: (tx: Prisma.TransactionClient, member: MemberRow) => Promise<void>,
): Promise<MemberResponse[]> {
  const planned = inputs.map((input) => ({ input, id: randomUUID() }));
  for (const { id } of planned) assertAccess(principal, "createMember", memberResource(id));
  assertNotGraceValue(principal);
  const emails = new Set<string>();
  for (const { input } of planned) {
    if (emails.has(input.email))
      throw new ApiError("invalid_request", `Invalid request: email: "${input.email}" is given twice`);
    emails.add(input.email);
  }
  const hashes = await Promise.all(
    planned.map(({ input }) =>
      input.password === undefined ? Promise.resolve(null) : bcrypt.hash(input.password, PASSWORD_COST),
    ),
  );

  const members = await runTransaction(async (tx) => {
    const existing = await tx.member.findFirst({
      where: { email: { in: [...emails] } },
      select: { email: true },
    });
    if (existing) throw new ApiError("conflict", `A member with email "${existing.email}" already exists`);
    const created = [];
    for (const [index, { input, id }] of planned.entries()) {
      const customRoles = await findRolesByKeys(tx, input.customRoleKeys, "customRoleKeys", {
        principal,
        held: [],
      });
      assertCanGrant(principal, {
        role: input.role,
        customRoles: customRolePolicies(customRoles),
        inlineRole: null,
      });
      const passwordHash = hashes[index] ?? null;
      const member = await tx.member.create({
        data: {
          id,
          email: input.email,
          passwordHash,
          role: input.role,
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          customRoles: { create: customRoles.map((customRole) => ({ customRoleId: customRole.id })) },
        },
        include: MEMBER_INCLUDE,
      });
      await recordAuditEntry(tx, principal, {
        kind: "member",
        name: member.email,
        description:
          passwordHash === null
            ? `Invited member ${member.email} with role ${member.role}`
            : `Created member ${member.email} with role ${member.role}`,
        action: "createMember",
        target: memberResource(id),
        current: memberAuditVersion(member),
      });
      await onCreated?.(tx, member);
      created.push(member);
    }
    return created;
  });
  return members.map(serializeMember);
}
