import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { inviteRoutes } from "@/lib/server/routes/invites";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  inviteRoutes,
  "/api/v2/invites",
);
