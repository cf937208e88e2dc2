import "server-only";
import type { StoreIntegrationCreate } from "@/lib/schemas/store-integration";
import type { Principal } from "@/lib/server/access/principal";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { releaseRetiredTarget } from "@/lib/server/stores/release-retired-target";
import { rethrowTargetTaken } from "@/lib/server/stores/rethrow-target-taken";
import { toStoredConfig } from "@/lib/server/stores/to-stored-config";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type Environment = { id: string; key: string; tags: string[]; project: { key: string; tags: string[] } };

/** Creates a Redis store; the worker rebuilds it from PostgreSQL first (needs_full_sync), then follows the outbox. */
export async function createStoreIntegration(
  principal: Principal,
  environment: Environment,
  input: StoreIntegrationCreate,
) {
  const { config, password, targetKey } = toStoredConfig(input.config);
  const transaction = runTransaction(async (tx) => {
    await releaseRetiredTarget(tx, environment.id, targetKey);
    const created = await tx.storeIntegration.create({
      data: {
        environmentId: environment.id,
        integrationKey: "redis",
        name: input.name,
        on: input.on,
        tags: input.tags ?? [],
        config,
        password,
        targetKey,
      },
    });
    await recordAuditEntry(tx, principal, {
      kind: "integration",
      name: created.name,
      description: `Created the Redis store ${created.name} for ${environment.project.key}/${environment.key}`,
      action: "createIntegration",
      target: storeIntegrationResource(environment.project, environment, created.id),
      current: { name: created.name, on: created.on, config: { ...config, passwordSet: password !== null } },
    });
    return created;
  });
  return rethrowTargetTaken(transaction);
}
