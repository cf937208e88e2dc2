import type { Prisma } from "@/lib/generated/prisma/client";
import { memberRoleSchema, type MemberResponse } from "@/lib/schemas/member";

/** What `serializeMember` needs loaded with a member row. */
export const MEMBER_INCLUDE = {
  customRoles: { include: { customRole: { select: { key: true } } } },
} as const satisfies Prisma.MemberInclude;

export type MemberRow = Prisma.MemberGetPayload<{ include: typeof MEMBER_INCLUDE }>;

// Roles are validated on write; an unknown stored role is shown as the role it grants: none.
const storedRole = memberRoleSchema.catch("no_access");

/**
 * A member in LaunchDarkly's shape (its client's `Member` model): never the password hash. What a member lacks is
 * omitted rather than null; `_lastSeen` is 0 for a member who never signed in.
 */
export function serializeMember(member: MemberRow): MemberResponse {
  const customRoleKeys = member.customRoles.map((link) => link.customRole.key).sort();
  const pendingInvite = member.passwordHash === null;
  return {
    _id: member.id,
    email: member.email,
    ...(member.firstName !== null && { firstName: member.firstName }),
    ...(member.lastName !== null && { lastName: member.lastName }),
    role: storedRole.parse(member.role),
    customRoles: customRoleKeys,
    customRoleKeys,
    _pendingInvite: pendingInvite,
    _verified: !pendingInvite,
    mfa: "disabled",
    creationDate: member.createdAt.getTime(),
    _lastSeen: member.lastSeenAt?.getTime() ?? 0,
    _links: { self: { href: `/api/v2/members/${member.id}`, type: "application/json" } },
  };
}
