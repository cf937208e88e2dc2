import type { Prisma } from "@/lib/generated/prisma/client";
import { policySchema } from "@/lib/schemas/policy";
import type { TokenResponse } from "@/lib/schemas/token";

/** What `serializeToken` needs loaded with a token row. */
export const TOKEN_INCLUDE = {
  customRoles: { include: { customRole: { select: { key: true } } } },
  member: { select: { id: true, email: true } },
} as const satisfies Prisma.AccessTokenInclude;

export type TokenRow = Prisma.AccessTokenGetPayload<{ include: typeof TOKEN_INCLUDE }>;

// Written by this server and validated then; a stored policy that no longer parses is shown as null, not a failure.
const storedInlineRole = policySchema.nullable().catch(null);

/**
 * A token in the API's shape. The full `value` is passed only by create and reset, the one time it is shown; otherwise
 * `token` is `...` and the last four characters. The hash never leaves the server.
 */
export function serializeToken(token: TokenRow, value?: string): TokenResponse {
  return {
    _id: token.id,
    name: token.name,
    description: token.description,
    creationDate: token.createdAt.getTime(),
    lastModified: token.updatedAt.getTime(),
    role: token.role,
    customRoleIds: token.customRoles.map((link) => link.customRole.key).sort(),
    inlineRole: storedInlineRole.parse(token.inlineRole),
    serviceToken: token.serviceToken,
    token: value ?? token.ending,
    lastUsed: token.lastUsedAt?.getTime() ?? null,
    expiresAt: token.expiresAt?.getTime() ?? null,
    ownerId: token.member.id,
    memberId: token.member.id,
    _member: { _id: token.member.id, email: token.member.email },
    _links: { self: { href: `/api/v2/tokens/${token.id}`, type: "application/json" } },
  };
}
