import "server-only";
import { env } from "@/lib/env";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import type { TokenResponse } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { generateTokenValue } from "@/lib/server/access/tokens/generate-token-value";
import { hashToken } from "@/lib/server/access/tokens/hash-token";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { assertCanObtainTokenValue } from "@/lib/server/tokens/assert-can-obtain-token-value";
import { assertNotOwnGraceValue } from "@/lib/server/tokens/assert-not-own-grace-value";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";
import { getTokenOrThrow } from "@/lib/server/tokens/get-token-or-throw";
import { serializeToken, TOKEN_INCLUDE } from "@/lib/server/tokens/serialize-token";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { lockAccessToken } from "@/lib/server/row-locks/lock-access-token-statement";

const HOUR_MS = 3_600_000;

/** When the old value stops: now without an expiry (or one in the past), else `expiry`, at most the configured cap ahead. */
function graceDeadline(expiry: number | undefined, now: number): Date | null {
  if (expiry === undefined || expiry <= now) return null;
  const maxHours = env().TRIBUTARY_TOKEN_MAX_GRACE_HOURS;
  if (expiry > now + maxHours * HOUR_MS) {
    throw new ApiError(
      "invalid_request",
      `Invalid request: expiry: the old value may keep working at most ${maxHours} hours (TRIBUTARY_TOKEN_MAX_GRACE_HOURS)`,
    );
  }
  return new Date(expiry);
}

/**
 * Gives a token a new value, returned once. The old value keeps working until `expiry` (epoch ms; default now, i.e. it
 * stops at once); a value from an earlier reset that was still in its grace period stops now. The caller must be able to
 * obtain the value (assert-can-obtain-token-value.ts); a token the caller may not view is a 404 like an unknown id.
 */
export async function resetToken(
  principal: Principal,
  tokenId: string,
  expiry?: number,
): Promise<TokenResponse> {
  await getTokenOrThrow(principal, tokenId);
  assertNotOwnGraceValue(principal, tokenId);
  assertNotGraceValue(principal);
  const graceUntil = graceDeadline(expiry, Date.now());
  const { value, ending } = generateTokenValue();
  const token = await runTransaction(async (tx) => {
    if (!(await lockAccessToken(tx, { tokenId })))
      throw new ApiError("not_found", `Access token "${tokenId}" not found`);
    const current = await tx.accessToken.findUniqueOrThrow({ where: { id: tokenId } });
    const target = tokenResource(current.memberId, current.id, current.serviceToken);
    assertAccess(principal, "resetAccessToken", target);
    await assertCanObtainTokenValue(tx, principal, tokenId);

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
