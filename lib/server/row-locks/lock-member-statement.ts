import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LockMemberParams = { memberId: string };

/** Locks a member's row (`FOR UPDATE`) until the transaction ends; false when there is no such member. */
export async function lockMember(tx: Prisma.TransactionClient, params: LockMemberParams): Promise<boolean> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM member WHERE id = ${params.memberId}::uuid FOR UPDATE`;
  return locked.length > 0;
}
