import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import { projectRoutes } from "@/lib/server/routes/projects";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(
  projectRoutes,
  "/api/v2/projects/{projectKey}/environments/{environmentKey}",
);
