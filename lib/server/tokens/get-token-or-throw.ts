import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { TOKEN_INCLUDE, type TokenRow } from "@/lib/server/tokens/serialize-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A token by `_id` that the principal may view. One it may not view is answered exactly like an id that does not exist
 * (404, same message), so a caller learns nothing of what exists before any other check or patch operation runs. An id
 * that is not a UUID cannot exist, so it is a 404 rather than a database error.
 */
export async function getTokenOrThrow(principal: Principal, tokenId: string): Promise<TokenRow> {
  const token = UUID.test(tokenId)
    ? await prisma.accessToken.findUnique({ where: { id: tokenId }, include: TOKEN_INCLUDE })
    : null;
  const visible =
    token !== null &&
    checkAccess(principal, "viewAccessToken", tokenResource(token.memberId, token.id, token.serviceToken))
      .allowed;
  if (!token || !visible) throw new ApiError("not_found", `Access token "${tokenId}" not found`);
  return token;
}
