import "server-only";
import { prisma } from "@/lib/server/db";
import { hashToken } from "@/lib/server/access/tokens/hash-token";
import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { builtInRolePolicy, customRolePolicies, memberPolicies } from "@/lib/server/access/member-policies";
import { policySchema } from "@/lib/schemas/policy";

const LAST_USED_GRANULARITY_MS = 60_000;

/** Finds the token by the hash of its value (the current value, or a reset's old value within its grace period). */
export async function resolveTokenPrincipal(value: string): Promise<Principal | null> {
  const hashed = hashToken(value);
  const now = new Date();
  const token = await prisma.accessToken.findFirst({
    where: {
      OR: [{ hashedValue: hashed }, { previousHashedValue: hashed, previousExpiresAt: { gt: now } }],
    },
    include: {
      customRoles: { include: { customRole: true } },
      member: { include: { customRoles: { include: { customRole: true } } } },
    },
  });
  if (!token) return null;
  if (token.expiresAt && token.expiresAt <= now) return null;

  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await prisma.accessToken.updateMany({
      where: {
        id: token.id,
        OR: [
          { lastUsedAt: null },
          { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } },
        ],
      },
      data: { lastUsedAt: now },
    });
  }

  const roles: NamedPolicy[] = [
    ...(token.role ? builtInRolePolicy(token.role) : []),
    ...customRolePolicies(token.customRoles.map((link) => link.customRole)),
  ];
  const inline = token.inlineRole === null ? null : policySchema.safeParse(token.inlineRole);
  if (inline?.success) roles.push({ name: "inline policy", policy: inline.data });

  const member = token.member;
  return {
    kind: "token",
    member: { id: member.id, email: member.email, role: member.role },
    token: { id: token.id, name: token.name, ending: token.ending, serviceToken: token.serviceToken },
    roles,
    boundedBy: token.serviceToken
      ? null
      : memberPolicies(
          member.role,
          member.customRoles.map((link) => link.customRole),
        ),
  };
}
