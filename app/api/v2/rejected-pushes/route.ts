import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { rejectedPushRoutes } from "@/lib/server/routes/rejected-pushes";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  rejectedPushRoutes,
  "/api/v2/rejected-pushes",
);
