import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { segmentMemberRoutes } from "@/lib/server/routes/segment-members";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  segmentMemberRoutes,
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/members/export",
);
