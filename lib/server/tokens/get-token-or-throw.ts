import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { TOKEN_INCLUDE, type TokenRow } from "@/lib/server/tokens/serialize-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A token by `_id`; an id that is not a UUID cannot exist, so it is a 404 rather than a database error. */
export async function getTokenOrThrow(tokenId: string): Promise<TokenRow> {
  const token = UUID.test(tokenId)
    ? await prisma.accessToken.findUnique({ where: { id: tokenId }, include: TOKEN_INCLUDE })
    : null;
  if (!token) throw new ApiError("not_found", `Access token "${tokenId}" not found`);
  return token;
}
