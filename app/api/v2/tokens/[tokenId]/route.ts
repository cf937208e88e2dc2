import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { tokenRoutes } from "@/lib/server/routes/tokens";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  tokenRoutes,
  "/api/v2/tokens/{tokenId}",
);
