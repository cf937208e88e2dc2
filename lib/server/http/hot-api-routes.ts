import "server-only";
import type { NextRequest } from "next/server";
import type { ApiRequest } from "@/lib/server/api/handler";

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * A route.ts handler, and for those made by `apiHandler` the same handler for any ApiRequest. Written as methods so the
 * parameters check bivariantly: each route declares its own params type, and the params passed are named after the
 * page's `[segments]`, which are the same names.
 */
export type RouteHandler = {
  handle(req: NextRequest, context: RouteContext): Promise<Response>;
}["handle"] & {
  forApiRequest?: { handle(req: ApiRequest, context: RouteContext): Promise<Response> }["handle"];
};

export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", RouteHandler>>;

export type HotApiRoute = {
  /** The App Router page of the route, as in `.next/routes-manifest.json`. */
  page: string;
  load: () => Promise<RouteModule>;
};

/**
 * The API routes that partners and SDKs call at volume: pushes and lookups. The web server hands these to the very same
 * route modules without going through Next.js's router (see create-hot-route-handler.ts); everything else goes to Next.js.
 */
export const HOT_API_ROUTES: readonly HotApiRoute[] = [
  {
    page: "/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]",
    load: () =>
      import("@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]/route"),
  },
  {
    page: "/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts",
    load: () => import("@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route"),
  },
  {
    page: "/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/users",
    load: () => import("@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/users/route"),
  },
  {
    page: "/api/v2/projects/[projectKey]/environments/[environmentKey]/segments/evaluate",
    load: () =>
      import("@/app/api/v2/projects/[projectKey]/environments/[environmentKey]/segments/evaluate/route"),
  },
  {
    page: "/api/v2/segment-targets/[integrationKey]",
    load: () => import("@/app/api/v2/segment-targets/[integrationKey]/route"),
  },
  {
    page: "/api/v2/segment-target/[integrationKey]",
    load: () => import("@/app/api/v2/segment-target/[integrationKey]/route"),
  },
];
