import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Before a store of `environmentId` takes `targetKey`: a retired row of the same environment still holding it is dropped,
 * since the store's full resync removes every ref of that environment there anyway. Another environment's must wait.
 */
export async function releaseRetiredTarget(
  tx: Prisma.TransactionClient,
  environmentId: string,
  targetKey: string,
): Promise<void> {
  await tx.storeIntegration.deleteMany({ where: { targetKey, environmentId, retiredAt: { not: null } } });
}
