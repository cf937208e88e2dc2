import type { NextRequest } from "next/server";
import type { ApiRequest } from "@/lib/server/api/handler";

export type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * A route.ts handler, and for those made by `apiHandler` the same handler for any ApiRequest. Written as methods so the
 * parameters check bivariantly: each route declares its own params type, and the params passed are named after the
 * page's `[segments]`, which are the same names.
 */
export type RouteHandler = {
  handle(req: NextRequest, context: RouteContext): Promise<Response>;
}["handle"] & {
  forApiRequest?: { handle(req: ApiRequest, context: RouteContext): Promise<Response> }["handle"];
  /** Set on the 405/404 handlers a route exports for what it does not serve: not listed in `Allow`. */
  readonly refusesEveryRequest?: true;
};

export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

export type RouteModule = Partial<Record<RouteMethod, RouteHandler>>;

/**
 * One API path as the server matches it: its App Router page (`/api/v2/tokens/[tokenId]`) and the handlers its route.ts
 * exports (lib/server/routes/api-server-routes.ts builds them from the route objects).
 */
export type ApiRoute = { page: string; module: RouteModule };
