import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";

export async function getStoreIntegrationOrThrow(
  environmentId: string,
  integrationKey: string,
  integrationId: string,
) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(integrationId);
  const store = isUuid
    ? await prisma.storeIntegration.findFirst({ where: { id: integrationId, environmentId, integrationKey } })
    : null;
  if (!store) throw new ApiError("not_found", `Store integration "${integrationId}" not found`);
  return store;
}
