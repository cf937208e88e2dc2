import "server-only";
import { prisma } from "@/lib/server/db";
import type { Principal } from "@/lib/server/access/principal";
import { checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, storeIntegrationResource } from "@/lib/server/access/resource-names";
import { serializeStoreIntegration } from "@/lib/server/stores/serialize-store-integration";

/** Every store the principal may view (and whose environment it may view), optionally of one environment. */
export async function listStoreIntegrations(principal: Principal, environmentId?: string) {
  const stores = await prisma.storeIntegration.findMany({
    where: environmentId ? { environmentId, retiredAt: null } : { retiredAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const environments = await prisma.environment.findMany({
    where: { id: { in: [...new Set(stores.map((store) => store.environmentId))] } },
    include: { project: true },
  });
  const byId = new Map(environments.map((environment) => [environment.id, environment]));
  const items = [];
  for (const store of stores) {
    const environment = byId.get(store.environmentId);
    if (!environment) continue;
    const resource = storeIntegrationResource(environment.project, environment, store.id);
    if (!checkAccess(principal, "viewIntegration", resource).allowed) continue;
    if (
      !checkAccess(principal, "viewEnvironment", environmentResource(environment.project, environment))
        .allowed
    )
      continue;
    items.push(
      await serializeStoreIntegration(store, {
        projectKey: environment.project.key,
        environmentKey: environment.key,
      }),
    );
  }
  return items;
}
