import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { storeRoutes } from "@/lib/server/routes/stores";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  storeRoutes,
  "/api/v2/integration-capabilities/big-segment-store/{projectKey}/{environmentKey}/{integrationKey}/{integrationId}/test-connection",
);
