import "server-only";
import { prisma } from "@/lib/server/db";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import type { TokenResponse } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { generateTokenValue } from "@/lib/server/access/tokens/generate-token-value";
import { hashToken } from "@/lib/server/access/tokens/hash-token";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { getTokenOrThrow } from "@/lib/server/tokens/get-token-or-throw";
import { serializeToken, TOKEN_INCLUDE } from "@/lib/server/tokens/serialize-token";

/**
 * Gives a token a new value, returned once. The old value keeps working until `expiry` (epoch ms; default now, i.e. it
 * stops at once); a value from an earlier reset that was still in its grace period stops now.
 */
export async function resetToken(
  principal: Principal,
  tokenId: string,
  expiry?: number,
): Promise<TokenResponse> {
  await getTokenOrThrow(tokenId);
  const { value, ending } = generateTokenValue();
  const token = await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM access_token WHERE id = ${tokenId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new ApiError("not_found", `Access token "${tokenId}" not found`);
    const current = await tx.accessToken.findUniqueOrThrow({ where: { id: tokenId } });
    const target = tokenResource(current.memberId, current.id, current.serviceToken);
    assertAccess(principal, "resetAccessToken", target);

    const graceUntil = expiry !== undefined && expiry > Date.now() ? new Date(expiry) : null;
    const updated = await tx.accessToken.update({
      where: { id: tokenId },
      data: {
        hashedValue: hashToken(value),
        ending,
        previousHashedValue: graceUntil ? current.hashedValue : null,
        previousExpiresAt: graceUntil,
      },
      include: TOKEN_INCLUDE,
    });
    await recordAuditEntry(tx, principal, {
      kind: "token",
      name: updated.name,
      description: `Reset token ${updated.name}; the old value ${graceUntil ? `works until ${graceUntil.toISOString()}` : "stopped working"}`,
      action: "resetAccessToken",
      target,
      previous: { ending: current.ending },
      current: { ending, previousValueExpiresAt: graceUntil?.getTime() ?? null },
    });
    return updated;
  });
  // Principals built from the old state: forgotten here at once, on other instances by the trigger's notification.
  tokenPrincipalCache.forgetAll();
  return serializeToken(token, value);
}
