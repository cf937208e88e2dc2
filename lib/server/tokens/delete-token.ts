import "server-only";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { assertNotOwnGraceValue } from "@/lib/server/tokens/assert-not-own-grace-value";
import { getTokenOrThrow } from "@/lib/server/tokens/get-token-or-throw";
import { TOKEN_INCLUDE } from "@/lib/server/tokens/serialize-token";
import { tokenAuditVersion } from "@/lib/server/tokens/token-audit-version";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { lockAccessToken } from "@/lib/server/row-locks/lock-access-token-statement";

/**
 * Deletes a token; its value (and a reset's old value) gets 401 from then on. Audited in the same transaction. A token the
 * caller may not view is a 404 like an unknown id.
 */
export async function deleteToken(principal: Principal, tokenId: string): Promise<void> {
  await getTokenOrThrow(principal, tokenId);
  assertNotOwnGraceValue(principal, tokenId);
  await runTransaction(async (tx) => {
    if (!(await lockAccessToken(tx, { tokenId })))
      throw new ApiError("not_found", `Access token "${tokenId}" not found`);
    const token = await tx.accessToken.findUniqueOrThrow({ where: { id: tokenId }, include: TOKEN_INCLUDE });
    const target = tokenResource(token.memberId, token.id, token.serviceToken);
    assertAccess(principal, "deleteAccessToken", target);
    await tx.accessToken.delete({ where: { id: tokenId } });
    await recordAuditEntry(tx, principal, {
      kind: "token",
      name: token.name,
      description: `Deleted token ${token.name}`,
      action: "deleteAccessToken",
      target,
      previous: tokenAuditVersion(token),
    });
  });
  // Principals built from the old state: forgotten here at once, on other instances by the trigger's notification.
  tokenPrincipalCache.forgetAll();
}
