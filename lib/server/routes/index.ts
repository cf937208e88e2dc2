import "server-only";
import type { ApiRouteObject } from "@/lib/server/api/define-route";
import { accountRoutes } from "@/lib/server/routes/account";
import { alertRoutes } from "@/lib/server/routes/alerts";
import { auditRoutes } from "@/lib/server/routes/audit";
import { inviteRoutes } from "@/lib/server/routes/invites";
import { memberRoutes } from "@/lib/server/routes/members";
import { projectRoutes } from "@/lib/server/routes/projects";
import { rejectedPushRoutes } from "@/lib/server/routes/rejected-pushes";
import { roleRoutes } from "@/lib/server/routes/roles";
import { segmentMemberRoutes } from "@/lib/server/routes/segment-members";
import { segmentRoutes } from "@/lib/server/routes/segments";
import { storeRoutes } from "@/lib/server/routes/stores";
import { syncRoutes } from "@/lib/server/routes/sync";
import { tokenRoutes } from "@/lib/server/routes/tokens";

/**
 * Every API route object: what `app/api/**\/route.ts` files adapt for Next.js, what the API server serves, and what the
 * OpenAPI document and the authorization matrix are derived from.
 */
export const API_ROUTE_OBJECTS: readonly ApiRouteObject[] = [
  ...projectRoutes,
  ...segmentRoutes,
  ...segmentMemberRoutes,
  ...syncRoutes,
  ...rejectedPushRoutes,
  ...storeRoutes,
  ...alertRoutes,
  ...tokenRoutes,
  ...roleRoutes,
  ...memberRoutes,
  ...inviteRoutes,
  ...auditRoutes,
  ...accountRoutes,
];
