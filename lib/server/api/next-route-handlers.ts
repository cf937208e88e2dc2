import "server-only";
import type { NextRequest } from "next/server";
import type { ApiRequest } from "@/lib/server/api/handler";
import { API_METHODS, type ApiMethod, type ApiRouteObject } from "@/lib/server/api/define-route";
import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";

type PathParams = Record<string, string>;

/** A route.ts handler: Next.js calls it with a NextRequest, the API server with any ApiRequest. */
export type NextRouteHandler = ((
  req: NextRequest,
  context: { params: Promise<PathParams> },
) => Promise<Response>) & {
  forApiRequest: (req: ApiRequest, context: { params: Promise<PathParams> }) => Promise<Response>;
  readonly refusesEveryRequest?: true;
};

/** What a route.ts exports: every method, those the path lacks answering 405 with `Allow` and the error body. */
export type NextRouteHandlers = Record<ApiMethod | "HEAD", NextRouteHandler> & {
  OPTIONS: () => Promise<Response>;
};

/**
 * The exports of the route.ts at `path` (OpenAPI style) from the route objects serving it. HEAD is GET's handler, as
 * Next.js would make it; without a GET it is refused like every other method the path lacks.
 *
 *   export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers(projectRoutes, "/api/v2/projects");
 */
export function nextRouteHandlers(routes: readonly ApiRouteObject[], path: string): NextRouteHandlers {
  const served = new Map(
    routes.filter((route) => route.path === path).map((route) => [route.method, route.handler]),
  );
  if (served.size === 0) throw new Error(`no route serves ${path}`);
  const refusals = methodsNotAllowed(path, [...served.keys()]) as Partial<
    Record<ApiMethod | "HEAD", NextRouteHandler>
  > & { OPTIONS: () => Response };
  const handlers = Object.fromEntries(
    [...API_METHODS, "HEAD" as const].map((method) => {
      const handler = served.get(method === "HEAD" ? "GET" : method) ?? refusals[method];
      if (!handler) throw new Error(`no handler for ${method} ${path}`);
      return [method, handler];
    }),
  ) as Record<ApiMethod | "HEAD", NextRouteHandler>;
  const options = refusals.OPTIONS;
  return { ...handlers, OPTIONS: () => Promise.resolve(options()) };
}
