import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LockAccessTokenParams = { tokenId: string };

/** Locks an access token's row (`FOR UPDATE`) until the transaction ends; false when there is no such token. */
export async function lockAccessToken(
  tx: Prisma.TransactionClient,
  params: LockAccessTokenParams,
): Promise<boolean> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM access_token WHERE id = ${params.tokenId}::uuid FOR UPDATE`;
  return locked.length > 0;
}
