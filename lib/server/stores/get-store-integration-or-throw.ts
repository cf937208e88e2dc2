import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { checkAccess } from "@/lib/server/access/check-access";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";

type Environment = { id: string; key: string; tags: string[]; project: { key: string; tags: string[] } };

/**
 * A store of the environment that the caller may view; one it may not view is answered exactly like an unknown one, before
 * anything else (a permission error, a patch's `test`) could tell it exists.
 */
export async function getStoreIntegrationOrThrow(
  principal: Principal,
  environment: Environment,
  integrationKey: string,
  integrationId: string,
) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(integrationId);
  const store = isUuid
    ? await prisma.storeIntegration.findFirst({
        where: { id: integrationId, environmentId: environment.id, integrationKey, retiredAt: null },
      })
    : null;
  const viewable =
    store !== null &&
    checkAccess(
      principal,
      "viewIntegration",
      storeIntegrationResource(environment.project, environment, store.id),
    ).allowed;
  if (!store || !viewable) throw new ApiError("not_found", `Store integration "${integrationId}" not found`);
  return store;
}
