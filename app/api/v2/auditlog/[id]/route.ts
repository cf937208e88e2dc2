import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { auditRoutes } from "@/lib/server/routes/audit";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  auditRoutes,
  "/api/v2/auditlog/{id}",
);
