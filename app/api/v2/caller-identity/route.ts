import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { accountRoutes } from "@/lib/server/routes/account";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  accountRoutes,
  "/api/v2/caller-identity",
);
