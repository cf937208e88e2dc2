import "server-only";
import { nextRouteHandlers } from "@/lib/server/api/next-route-handlers";
import type { ApiRoute } from "@/lib/server/http/api-route-module";
import { API_ROUTE_OBJECTS } from "@/lib/server/routes";
import { UNKNOWN_API_PATH } from "@/lib/server/routes/unknown-api-path";

/** `/api/v2/tokens/{tokenId}` → `/api/v2/tokens/[tokenId]`, the App Router page the API server matches paths with. */
export function pageOf(path: string): string {
  return path.replace(/\{([^}]+)\}/g, "[$1]");
}

/**
 * What the API server serves: every path of the route objects with the exports its route.ts adapter has, and the
 * catch-all's 404 for any other path under /api/ (next-auth's excepted, which stay with Next.js).
 */
export const API_SERVER_ROUTES: readonly ApiRoute[] = [
  ...[...new Set(API_ROUTE_OBJECTS.map((route) => route.path))].map((path) => ({
    page: pageOf(path),
    module: nextRouteHandlers(API_ROUTE_OBJECTS, path),
  })),
  { page: "/api/[...path]", module: UNKNOWN_API_PATH },
];
