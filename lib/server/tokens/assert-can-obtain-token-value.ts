import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { policySchema } from "@/lib/schemas/policy";
import { ApiError } from "@/lib/server/api/errors";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { Principal } from "@/lib/server/access/principal";
import { isMemberInPerson } from "@/lib/server/members/is-member-in-person";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";

type Reader = Pick<Prisma.TransactionClient, "accessToken">;

// A stored inline policy that no longer parses grants nothing (resolve-token-principal.ts skips it), so it is none here.
const storedInlineRole = policySchema.nullable().catch(null);

/**
 * Whoever obtains a token's value acts with its access, and for a personal token as its member, so handing out an
 * existing token's value (a reset) asks what creating that token would:
 *
 * - the token's own value may renew itself (no access changes hands; a grace-period value may not, see
 *   assert-not-own-grace-value.ts);
 * - a personal token's value goes only to a session or a personal token (a service token cannot create personal tokens),
 *   and the owner's personal tokens only to the owner in person;
 * - and the caller must be able to grant the token's role, custom roles and inline policy (assert-can-grant.ts).
 */
export async function assertCanObtainTokenValue(
  reader: Reader,
  principal: Principal,
  tokenId: string,
): Promise<void> {
  if (principal.token?.id === tokenId) return;
  const token = await reader.accessToken.findUniqueOrThrow({
    where: { id: tokenId },
    select: {
      serviceToken: true,
      role: true,
      inlineRole: true,
      member: { select: { id: true, role: true } },
      customRoles: { select: { customRole: { select: { key: true, policy: true } } } },
    },
  });
  if (!token.serviceToken) {
    if (principal.token?.serviceToken === true) {
      throw new ApiError(
        "forbidden",
        "A service token cannot obtain a personal token's value; reset it signed in or with a personal token",
      );
    }
    if (token.member.role === "owner" && !isMemberInPerson(principal, token.member.id)) {
      throw new ApiError("forbidden", "Only the owner can reset the owner's personal tokens");
    }
  }
  assertCanGrant(principal, {
    role: token.role,
    customRoles: customRolePolicies(token.customRoles.map((link) => link.customRole)),
    inlineRole: storedInlineRole.parse(token.inlineRole),
  });
}
