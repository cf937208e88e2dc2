import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { syncRoutes } from "@/lib/server/routes/sync";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  syncRoutes,
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts/{contextKey}",
);
