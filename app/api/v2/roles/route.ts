import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { roleRoutes } from "@/lib/server/routes/roles";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  roleRoutes,
  "/api/v2/roles",
);
