import type { Prisma } from "@/lib/generated/prisma/client";
import { memberRoleSchema, type MemberResponse } from "@/lib/schemas/member";

/** What `serializeMember` needs loaded with a member row. */
export const MEMBER_INCLUDE = {
  customRoles: { include: { customRole: { select: { key: true } } } },
} as const satisfies Prisma.MemberInclude;

export type MemberRow = Prisma.MemberGetPayload<{ include: typeof MEMBER_INCLUDE }>;

// Roles are validated on write; an unknown stored role is shown as the role it grants: none.
const storedRole = memberRoleSchema.catch("no_access");

/** A member in the API's shape: never the password hash. */
export function serializeMember(member: MemberRow): MemberResponse {
  return {
    _id: member.id,
    email: member.email,
    firstName: member.firstName,
    lastName: member.lastName,
    role: storedRole.parse(member.role),
    customRoleKeys: member.customRoles.map((link) => link.customRole.key).sort(),
    creationDate: member.createdAt.getTime(),
    _lastSeen: member.lastSeenAt?.getTime() ?? null,
    _links: { self: { href: `/api/v2/members/${member.id}`, type: "application/json" } },
  };
}
