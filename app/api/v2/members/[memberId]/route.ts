import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { memberRoutes } from "@/lib/server/routes/members";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  memberRoutes,
  "/api/v2/members/{memberId}",
);
