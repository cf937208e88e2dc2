import "server-only";
import type { Principal } from "@/lib/server/access/principal";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type Environment = { key: string; tags: string[]; project: { key: string; tags: string[] } };

/** Asks the worker to rebuild the store from PostgreSQL on its next pass. */
export async function requestStoreResync(
  principal: Principal,
  environment: Environment,
  store: { id: string; name: string },
) {
  await runTransaction(async (tx) => {
    await tx.storeIntegration.update({ where: { id: store.id }, data: { needsFullSync: true } });
    await recordAuditEntry(tx, principal, {
      kind: "integration",
      name: store.name,
      description: `Requested a full resync of the Redis store ${store.name}`,
      action: "updateIntegration",
      target: storeIntegrationResource(environment.project, environment, store.id),
    });
  });
}
