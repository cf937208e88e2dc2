import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LockCustomRoleParams = { roleId: string };

/** Locks a custom role's row (`FOR UPDATE`) until the transaction ends; false when there is no such role. */
export async function lockCustomRole(
  tx: Prisma.TransactionClient,
  params: LockCustomRoleParams,
): Promise<boolean> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM custom_role WHERE id = ${params.roleId}::uuid FOR UPDATE`;
  return locked.length > 0;
}
