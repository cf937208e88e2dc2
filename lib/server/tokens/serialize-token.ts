import type { Prisma } from "@/lib/generated/prisma/client";
import { policySchema } from "@/lib/schemas/policy";
import type { TokenResponse } from "@/lib/schemas/token";

/** What `serializeToken` needs loaded with a token row. */
export const TOKEN_INCLUDE = {
  customRoles: { include: { customRole: { select: { key: true } } } },
  member: { select: { id: true, email: true, role: true, firstName: true, lastName: true } },
} as const satisfies Prisma.AccessTokenInclude;

export type TokenRow = Prisma.AccessTokenGetPayload<{ include: typeof TOKEN_INCLUDE }>;

// Written by this server and validated then; a stored policy that no longer parses is shown as null, not a failure.
const storedInlineRole = policySchema.nullable().catch(null);

/**
 * A token in the API's shape. The full `value` is passed only by create and reset, the one time it is shown; otherwise
 * `token` is `...` and the last four characters. The hash never leaves the server.
 */
export function serializeToken(token: TokenRow, value?: string): TokenResponse {
  const inlineRole = storedInlineRole.parse(token.inlineRole);
  const { member } = token;
  // LaunchDarkly omits what a token lacks rather than sending null (its client's Token model has no nulls).
  return {
    _id: token.id,
    name: token.name,
    ...(token.description !== null && { description: token.description }),
    creationDate: token.createdAt.getTime(),
    lastModified: token.updatedAt.getTime(),
    ...(token.role !== null && { role: token.role }),
    customRoleIds: token.customRoles.map((link) => link.customRole.key).sort(),
    ...(inlineRole !== null && { inlineRole }),
    serviceToken: token.serviceToken,
    token: value ?? token.ending,
    ...(token.lastUsedAt !== null && { lastUsed: token.lastUsedAt.getTime() }),
    ...(token.expiresAt !== null && { expiresAt: token.expiresAt.getTime() }),
    ownerId: member.id,
    memberId: member.id,
    _member: {
      _id: member.id,
      email: member.email,
      role: member.role,
      ...(member.firstName !== null && { firstName: member.firstName }),
      ...(member.lastName !== null && { lastName: member.lastName }),
      _links: { self: { href: `/api/v2/members/${member.id}`, type: "application/json" } },
    },
    _links: { self: { href: `/api/v2/tokens/${token.id}`, type: "application/json" } },
  };
}
