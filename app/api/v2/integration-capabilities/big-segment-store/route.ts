import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { listStoreIntegrations } from "@/lib/server/stores/list-store-integrations";

export const GET = apiHandler(
  async ({ principal }) =>
    json({
      items: await listStoreIntegrations(principal),
      _links: {
        self: { href: "/api/v2/integration-capabilities/big-segment-store", type: "application/json" },
      },
    }),
  { route: "GET /api/v2/integration-capabilities/big-segment-store" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/integration-capabilities/big-segment-store",
  ["GET"],
);
