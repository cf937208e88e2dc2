import "server-only";
import { prisma } from "@/lib/server/db";
import type { Principal } from "@/lib/server/access/principal";
import { memberPolicies } from "@/lib/server/access/member-policies";

/**
 * A member's principal, read fresh from the database so a role change applies at once. With `sessionVersion` (a
 * session's), null once that version's sessions have been ended.
 */
export async function resolveMemberPrincipal(
  memberId: string,
  sessionVersion?: number,
): Promise<Principal | null> {
  const member = await prisma.member.findUnique({
    where: { id: memberId },
    include: { customRoles: { include: { customRole: true } } },
  });
  if (!member) return null;
  if (sessionVersion !== undefined && member.sessionVersion !== sessionVersion) return null;
  return {
    kind: "session",
    member: { id: member.id, email: member.email, role: member.role },
    token: null,
    roles: memberPolicies(
      member.role,
      member.customRoles.map((link) => link.customRole),
    ),
    boundedBy: null,
  };
}
