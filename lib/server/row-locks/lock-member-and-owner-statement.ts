import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LockMemberAndOwnerParams = { memberId: string };

/**
 * Locks a member's row and the owner's (`FOR UPDATE`, in id order so two callers cannot lock them in opposite orders)
 * until the transaction ends: a role change or delete then cannot race an ownership transfer. Returns the rows locked;
 * the member's is missing when there is no such member.
 */
export function lockMemberAndOwner(
  tx: Prisma.TransactionClient,
  params: LockMemberAndOwnerParams,
): Promise<{ id: string; role: string }[]> {
  return tx.$queryRaw<{ id: string; role: string }[]>`
    SELECT id, role FROM member WHERE id = ${params.memberId}::uuid OR role = 'owner' ORDER BY id FOR UPDATE`;
}
