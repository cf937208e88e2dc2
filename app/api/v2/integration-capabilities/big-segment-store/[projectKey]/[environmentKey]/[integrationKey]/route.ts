import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { storeIntegrationCreateSchema } from "@/lib/schemas/store-integration";
import { ApiError } from "@/lib/server/api/errors";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { createStoreIntegration } from "@/lib/server/stores/create-store-integration";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { listStoreIntegrations } from "@/lib/server/stores/list-store-integrations";
import { serializeStoreIntegration } from "@/lib/server/stores/serialize-store-integration";

type Params = { projectKey: string; environmentKey: string; integrationKey: string };

function assertRedis(integrationKey: string) {
  if (integrationKey !== "redis")
    throw new ApiError("not_found", `Unknown store integration "${integrationKey}": only "redis"`);
}

export const GET = apiHandler<Params>(
  async ({ req, params, principal }) => {
    assertRedis(params.integrationKey);
    const environment = await getVisibleEnvironmentOrThrow(
      principal,
      params.projectKey,
      params.environmentKey,
    );
    return json({
      items: await listStoreIntegrations(principal, environment.id),
      _links: { self: { href: req.nextUrl.pathname, type: "application/json" } },
    });
  },
  { route: "GET /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}" },
);

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    assertRedis(params.integrationKey);
    const input = storeIntegrationCreateSchema.parse(await readJsonBody(req));
    const environment = await getVisibleEnvironmentOrThrow(
      principal,
      params.projectKey,
      params.environmentKey,
    );
    assertAccess(
      principal,
      "createIntegration",
      storeIntegrationResource(environment.project, environment, "redis"),
    );
    const store = await createStoreIntegration(principal, environment, input);
    return json(await serializeStoreIntegration(store, params), 201);
  },
  { route: "POST /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}",
  ["GET", "POST"],
);
