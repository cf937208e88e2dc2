import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Store = {
  environmentId: string;
  integrationKey: string;
  name: string;
  config: Prisma.JsonValue;
  password: string | null;
  targetKey: string | null;
};

/**
 * Remembers where a store that is being moved wrote until now: a retired row that holds the old target (nobody else can
 * take it meanwhile) until the worker has removed the refs there (cleanRetiredStore). Call it after the store itself let
 * go of the target, in the same transaction.
 */
export async function retireStoreTarget(tx: Prisma.TransactionClient, store: Store): Promise<void> {
  // A store that never had a target key (written before there was one) shared its target: nothing there is its alone.
  if (store.targetKey === null) return;
  await tx.storeIntegration.create({
    data: {
      environmentId: store.environmentId,
      integrationKey: store.integrationKey,
      name: store.name,
      on: false,
      config: store.config ?? {},
      password: store.password,
      targetKey: store.targetKey,
      needsFullSync: false,
      retiredAt: new Date(),
    },
  });
}
