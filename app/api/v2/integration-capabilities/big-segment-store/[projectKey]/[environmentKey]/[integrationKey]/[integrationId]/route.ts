import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json, noContent } from "@/lib/server/api/responses";
import type { Principal } from "@/lib/server/access/principal";
import { assertAccess } from "@/lib/server/access/check-access";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { deleteStoreIntegration } from "@/lib/server/stores/delete-store-integration";
import { getStoreIntegrationOrThrow } from "@/lib/server/stores/get-store-integration-or-throw";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { serializeStoreIntegration } from "@/lib/server/stores/serialize-store-integration";
import { updateStoreIntegration } from "@/lib/server/stores/update-store-integration";

type Params = { projectKey: string; environmentKey: string; integrationKey: string; integrationId: string };

async function load(principal: Principal, params: Params) {
  const environment = await getVisibleEnvironmentOrThrow(principal, params.projectKey, params.environmentKey);
  const store = await getStoreIntegrationOrThrow(
    principal,
    environment,
    params.integrationKey,
    params.integrationId,
  );
  return {
    environment,
    store,
    resource: storeIntegrationResource(environment.project, environment, store.id),
  };
}

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const { store } = await load(principal, params);
    return json(await serializeStoreIntegration(store, params));
  },
  { route: "GET /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}/{id}" },
);

export const PATCH = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const body = await readJsonBody(req);
    const { environment, store, resource } = await load(principal, params);
    assertAccess(principal, "updateIntegration", resource);
    const updated = await updateStoreIntegration(principal, environment, store, body);
    return json(await serializeStoreIntegration(updated, params));
  },
  { route: "PATCH /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}/{id}" },
);

export const DELETE = apiHandler<Params>(
  async ({ params, principal }) => {
    const { environment, store, resource } = await load(principal, params);
    assertAccess(principal, "deleteIntegration", resource);
    await deleteStoreIntegration(principal, environment, store);
    return noContent();
  },
  { route: "DELETE /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}/{id}" },
);

export const { POST, PUT, OPTIONS } = methodsNotAllowed(
  "/api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}",
  ["GET", "PATCH", "DELETE"],
);
