import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { policySchema } from "@/lib/schemas/policy";
import { ApiError } from "@/lib/server/api/errors";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { Principal } from "@/lib/server/access/principal";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";

type Reader = Pick<Prisma.TransactionClient, "accessToken">;

// A stored inline policy that no longer parses grants nothing (resolve-token-principal.ts skips it), so it is none here.
const storedInlineRole = policySchema.nullable().catch(null);

/**
 * Changing a token's role or policy takes its current access away, so the caller must be able to grant that access (as
 * for a member's roles and a custom role's policy): nobody demotes or rewrites a token that holds more than they do.
 */
export async function assertCanChangeTokenAccess(
  reader: Reader,
  principal: Principal,
  tokenId: string,
): Promise<void> {
  const token = await reader.accessToken.findUniqueOrThrow({
    where: { id: tokenId },
    select: {
      role: true,
      inlineRole: true,
      customRoles: { select: { customRole: { select: { key: true, policy: true } } } },
    },
  });
  try {
    assertCanGrant(principal, {
      role: token.role,
      customRoles: customRolePolicies(token.customRoles.map((link) => link.customRole)),
      inlineRole: storedInlineRole.parse(token.inlineRole),
    });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "forbidden") throw error;
    throw new ApiError(
      "forbidden",
      `You cannot change the role or policy of a token whose current access you do not have (${error.message})`,
    );
  }
}
