import "server-only";
import { prisma } from "@/lib/server/db";
import type { TokenResponse } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { BUILT_IN_LEVELS, principalBuiltInLevel } from "@/lib/server/tokens/principal-built-in-level";
import { serializeToken, TOKEN_INCLUDE } from "@/lib/server/tokens/serialize-token";

export type TokenListQuery = { showAll: boolean; limit: number; offset: number };

/**
 * The caller's own personal tokens and every service token, by creation date then `_id`; with `showAll`, an admin or the
 * owner also sees every member's personal tokens (for anyone else `showAll` is ignored, as LaunchDarkly does). Only
 * tokens the caller may view are listed, and `totalCount` counts those. A caller that may view neither its own tokens nor
 * service tokens gets 403.
 */
export async function listTokens(
  principal: Principal,
  query: TokenListQuery,
): Promise<{ items: TokenResponse[]; totalCount: number }> {
  const memberId = principal.member.id;
  const canView = (resource: string) => checkAccess(principal, "viewAccessToken", resource);
  const own = canView(tokenResource(memberId, "*", false));
  const service = canView(tokenResource(memberId, "*", true));
  if (!own.allowed && !service.allowed) {
    throw new ApiError("forbidden", `Access denied: you may not view access tokens (${own.reason})`);
  }

  const everyone = query.showAll && principalBuiltInLevel(principal) >= BUILT_IN_LEVELS.admin;
  const rows = await prisma.accessToken.findMany({
    where: everyone ? {} : { OR: [{ memberId, serviceToken: false }, { serviceToken: true }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: TOKEN_INCLUDE,
  });
  const visible = rows.filter(
    (token) => canView(tokenResource(token.memberId, token.id, token.serviceToken)).allowed,
  );
  return {
    items: visible.slice(query.offset, query.offset + query.limit).map((token) => serializeToken(token)),
    totalCount: visible.length,
  };
}
