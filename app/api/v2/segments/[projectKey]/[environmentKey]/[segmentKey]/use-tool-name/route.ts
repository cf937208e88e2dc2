import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { segmentRoutes } from "@/lib/server/routes/segments";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  segmentRoutes,
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/use-tool-name",
);
