import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRow } from "@/lib/server/members/serialize-member";

/** A member as the audit log records it: never the password hash. */
export function memberAuditVersion(member: MemberRow): Prisma.InputJsonObject {
  return {
    email: member.email,
    firstName: member.firstName,
    lastName: member.lastName,
    role: member.role,
    customRoleKeys: member.customRoles.map((link) => link.customRole.key).sort(),
  };
}
