import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { getStoreIntegrationOrThrow } from "@/lib/server/stores/get-store-integration-or-throw";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { testStoreConnection } from "@/lib/server/stores/test-store-connection";

type Params = { projectKey: string; environmentKey: string; integrationKey: string; integrationId: string };

export const POST = apiHandler<Params>(
  async ({ params, principal }) => {
    const environment = await getVisibleEnvironmentOrThrow(
      principal,
      params.projectKey,
      params.environmentKey,
    );
    const store = await getStoreIntegrationOrThrow(
      principal,
      environment,
      params.integrationKey,
      params.integrationId,
    );
    // It sends the store's password to the configured server: only who may change the store may make it do so.
    assertAccess(
      principal,
      "updateIntegration",
      storeIntegrationResource(environment.project, environment, store.id),
    );
    return json(await testStoreConnection(store));
  },
  {
    route:
      "POST /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}/{id}/test-connection",
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}/test-connection",
  ["POST"],
);
