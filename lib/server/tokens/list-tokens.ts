import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import type { TokenListQuery, TokenResponse, TokenSort } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { BUILT_IN_LEVELS, principalBuiltInLevel } from "@/lib/server/tokens/principal-built-in-level";
import { serializeToken, TOKEN_INCLUDE } from "@/lib/server/tokens/serialize-token";

export type { TokenListQuery };

const DAY_MS = 24 * 3600 * 1000;

/** The list's filters as a row condition; search matches the name, the value's ending and the owner. */
function filterWhere(query: Partial<TokenListQuery>): Prisma.AccessTokenWhereInput[] {
  const where: Prisma.AccessTokenWhereInput[] = [];
  const text = query.q?.trim() ?? "";
  if (text !== "") {
    const contains = { contains: text, mode: "insensitive" } as const;
    // "…abcd" as the list shows an ending finds the token too.
    const ending = text.replace(/^(…|\.\.\.)/, "");
    where.push({
      OR: [
        { name: contains },
        ...(ending === "" ? [] : [{ ending: { contains: ending } }]),
        { member: { email: contains } },
        { member: { firstName: contains } },
        { member: { lastName: contains } },
      ],
    });
  }
  if (query.type !== undefined) where.push({ serviceToken: query.type === "service" });
  if (query.expiringWithinDays !== undefined) {
    where.push({ expiresAt: { not: null, lte: new Date(Date.now() + query.expiringWithinDays * DAY_MS) } });
  }
  if (query.unused === true) where.push({ lastUsedAt: null });
  return where;
}

function orderBy(sort: TokenSort): Prisma.AccessTokenOrderByWithRelationInput[] {
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const field = sort.replace(/^-/, "");
  const first: Prisma.AccessTokenOrderByWithRelationInput =
    field === "name"
      ? { name: direction }
      : field === "lastUsed"
        ? { lastUsedAt: { sort: direction, nulls: "last" } }
        : field === "expiresAt"
          ? { expiresAt: { sort: direction, nulls: "last" } }
          : { createdAt: direction };
  return field === "creationDate" ? [first, { id: direction }] : [first, { createdAt: "asc" }, { id: "asc" }];
}

/**
 * The caller's own personal tokens and every service token, by creation date then `_id` unless `sort` says otherwise;
 * with `showAll`, an admin or the owner also sees every member's personal tokens (for anyone else `showAll` is ignored, as
 * LaunchDarkly does). `q`, `type`, `expiringWithinDays` and `unused` narrow the list in the query. Only tokens the caller
 * may view are listed, and `totalCount` counts those. A caller that may view neither its own tokens nor service tokens
 * gets 403.
 */
export async function listTokens(
  principal: Principal,
  query: Pick<TokenListQuery, "showAll" | "limit" | "offset"> & Partial<TokenListQuery>,
): Promise<{ items: TokenResponse[]; totalCount: number }> {
  const memberId = principal.member.id;
  const canView = (resource: string) => checkAccess(principal, "viewAccessToken", resource);
  const own = canView(tokenResource(memberId, "*", false));
  const service = canView(tokenResource(memberId, "*", true));
  if (!own.allowed && !service.allowed) {
    throw new ApiError("forbidden", `Access denied: you may not view access tokens (${own.reason})`);
  }

  const everyone = query.showAll && principalBuiltInLevel(principal) >= BUILT_IN_LEVELS.admin;
  const scope: Prisma.AccessTokenWhereInput = everyone
    ? {}
    : { OR: [{ memberId, serviceToken: false }, { serviceToken: true }] };
  const rows = await prisma.accessToken.findMany({
    where: { AND: [scope, ...filterWhere(query)] },
    orderBy: orderBy(query.sort ?? "creationDate"),
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
