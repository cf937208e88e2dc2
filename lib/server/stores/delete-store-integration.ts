import "server-only";
import type { Principal } from "@/lib/server/access/principal";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type Environment = { key: string; tags: string[]; project: { key: string; tags: string[] } };

export async function deleteStoreIntegration(
  principal: Principal,
  environment: Environment,
  store: { id: string; name: string },
): Promise<void> {
  await runTransaction(async (tx) => {
    // Retired rather than deleted: the row keeps the target until the worker removed the store's refs there.
    await tx.storeIntegration.update({
      where: { id: store.id },
      data: { on: false, needsFullSync: false, retiredAt: new Date() },
    });
    await recordAuditEntry(tx, principal, {
      kind: "integration",
      name: store.name,
      description: `Deleted the Redis store ${store.name}`,
      action: "deleteIntegration",
      target: storeIntegrationResource(environment.project, environment, store.id),
    });
  });
}
