import type { Prisma } from "@/lib/generated/prisma/client";
import type { TokenRow } from "@/lib/server/tokens/serialize-token";

/** A token as the audit log records it: its settings and last four characters, never its value or hash. */
export function tokenAuditVersion(token: TokenRow): Prisma.InputJsonObject {
  return {
    name: token.name,
    description: token.description,
    role: token.role,
    customRoleIds: token.customRoles.map((link) => link.customRole.key).sort(),
    inlineRole: token.inlineRole ?? null,
    serviceToken: token.serviceToken,
    ending: token.ending,
    expiresAt: token.expiresAt?.getTime() ?? null,
    memberId: token.memberId,
  };
}
