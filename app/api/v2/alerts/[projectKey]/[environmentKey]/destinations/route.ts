import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { alertRoutes } from "@/lib/server/routes/alerts";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  alertRoutes,
  "/api/v2/alerts/{projectKey}/{environmentKey}/destinations",
);
