import "server-only";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/server/db";
import type { MemberCreate, MemberResponse } from "@/lib/schemas/member";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { memberAuditVersion } from "@/lib/server/members/member-audit-version";
import { MEMBER_INCLUDE, serializeMember } from "@/lib/server/members/serialize-member";
import { findRolesByKeys } from "@/lib/server/roles/find-roles-by-keys";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";

const PASSWORD_COST = 10;

/**
 * Creates a member with a password. The creator sets that password and so can act as the member: the member's role and
 * custom roles may not grant more than the creator holds. Never the owner (ownership is transferred, not created).
 */
export async function createMember(principal: Principal, input: MemberCreate): Promise<MemberResponse> {
  const id = randomUUID();
  const target = memberResource(id);
  assertAccess(principal, "createMember", target);
  assertNotGraceValue(principal);
  const passwordHash = await bcrypt.hash(input.password, PASSWORD_COST);

  const member = await prisma.$transaction(async (tx) => {
    const existing = await tx.member.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new ApiError("conflict", `A member with email "${input.email}" already exists`);
    const customRoles = await findRolesByKeys(tx, input.customRoleKeys ?? [], "customRoleKeys");
    assertCanGrant(principal, {
      role: input.role,
      customRoles: customRolePolicies(customRoles),
      inlineRole: null,
    });

    const created = await tx.member.create({
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
      name: created.email,
      description: `Created member ${created.email} with role ${created.role}`,
      action: "createMember",
      target,
      current: memberAuditVersion(created),
    });
    return created;
  });
  return serializeMember(member);
}
