import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest } from "next/server";
import { INVALID_PATH_MESSAGE } from "@/lib/server/api/assert-path-params";
import { ApiError } from "@/lib/server/api/errors";
import { errorResponse } from "@/lib/server/api/responses";
import type { ApiRoute, RouteContext, RouteHandler, RouteMethod } from "@/lib/server/http/api-route-module";
import { ROUTE_METHODS } from "@/lib/server/http/api-route-module";
import { compilePagePattern, type PageParam } from "@/lib/server/http/compile-page-pattern";
import {
  BodilessRequest,
  lazyRequestBody,
  loadHeaderRules,
  requestHeaders,
  requestOrigin,
  writeResponse,
  type HeaderRule,
} from "@/lib/server/http/node-request-adapters";
import { logger } from "@/lib/server/logger";

/** A `.` or `..` path segment, which URL parsing would resolve away: such paths (and a trailing slash, which Next.js
 * redirects away) are Next.js's to interpret. */
const DOT_SEGMENT = /\/\.\.?(\/|$)/;
/** next-auth's routes need Next.js's request context (cookies(), headers()): they stay with Next.js. */
const NEXT_JS_API_PREFIX = "/api/auth/";

type CompiledRoute = {
  pattern: RegExp;
  params: PageParam[];
  /** Literal routes win over dynamic ones, as in Next.js (`/api/v2/syncs/stats` before `/api/v2/syncs/[id]`). */
  dynamicParts: number;
  handlers: Map<RouteMethod, RouteHandler>;
  allow: string;
};

function compileRoutes(routes: readonly ApiRoute[]): CompiledRoute[] {
  return routes
    .map(({ page, module }) => {
      const handlers = new Map<RouteMethod, RouteHandler>();
      const methods = new Set<string>(["OPTIONS"]);
      for (const method of ROUTE_METHODS) {
        const handler = module[method];
        if (!handler) continue;
        handlers.set(method, handler);
        if (!handler.refusesEveryRequest) methods.add(method);
      }
      // As Next.js: HEAD is answered by GET without its body, and OPTIONS lists what the route takes.
      if (handlers.has("GET")) methods.add("HEAD");
      const { pattern, params } = compilePagePattern(page);
      const catchAll = params.some((param) => param.catchAll);
      const allow = [...methods].sort().join(", ");
      return { pattern, params, dynamicParts: params.length + (catchAll ? 1_000 : 0), handlers, allow };
    })
    .sort((a, b) => a.dynamicParts - b.dynamicParts);
}

/** A path parameter decoded; one that is not UTF-8 once decoded stays as sent, and the route's wrapper answers 400. */
function decodePathParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function decodesAsUtf8(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function decodeParams(route: CompiledRoute, match: RegExpExecArray): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  route.params.forEach((param, index) => {
    const raw = match[index + 1] ?? "";
    params[param.name] = param.catchAll ? raw.split("/").map(decodePathParam) : decodePathParam(raw);
  });
  return params;
}

/**
 * Serves every API route (`app/api/**\/route.ts`, except next-auth's) from the route modules compiled into this process:
 * the same handlers and wrapper (auth, policy, rate limit, error body) that `next dev` and the tests reach through the
 * route files, without Next.js's per-request routing, which cost more CPU than a lookup. An API path with no route is
 * 404 and a method the route does not take 405 (with `Allow`), both with the error body. Returns false for everything
 * else (pages, next-auth, and paths Next.js would normalise first: dot segments, a trailing slash), which the
 * caller hands to Next.js.
 */
export function createApiRequestHandler(
  routes: readonly ApiRoute[],
  distDir: string,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const rules = loadHeaderRules(distDir);
  const compiled = compileRoutes(routes);

  return function handleApiRequest(req, res) {
    const url = req.url ?? "/";
    if (!url.startsWith("/api/") || url.startsWith(NEXT_JS_API_PREFIX)) return false;
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    if (DOT_SEGMENT.test(pathname) || pathname.endsWith("/")) return false;
    const method = req.method ?? "GET";
    // Checked by each route's wrapper too; this covers paths no route matches, which Next.js would answer with HTML.
    if (!decodesAsUtf8(pathname)) {
      void fail(req, res, pathname, new ApiError("invalid_request", INVALID_PATH_MESSAGE));
      return true;
    }
    for (const route of compiled) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const params = decodeParams(route, match);
      const handler =
        route.handlers.get(method as RouteMethod) ??
        (method === "HEAD" ? route.handlers.get("GET") : undefined);
      if (!handler && method === "OPTIONS") {
        res.writeHead(204, { allow: route.allow });
        res.end();
        return true;
      }
      if (!handler) {
        const error = new ApiError("method_not_allowed", `${method} is not allowed here`, {
          allow: route.allow,
        });
        void fail(req, res, pathname, error);
        return true;
      }
      void serve(req, res, handler, params, pathname);
      return true;
    }
    void fail(req, res, pathname, new ApiError("not_found", "No such API route"));
    return true;
  };

  async function fail(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    error: ApiError,
  ): Promise<void> {
    req.resume();
    await writeResponse(
      res,
      errorResponse(error, randomUUID()),
      rules,
      pathname,
      req.method === "HEAD",
    ).catch(() => res.destroy());
  }

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    handler: RouteHandler,
    params: Record<string, string | string[]>,
    pathname: string,
  ): Promise<void> {
    const method = req.method ?? "GET";
    try {
      const hasBody = method !== "GET" && method !== "HEAD";
      const url = `${requestOrigin(req)}${req.url ?? "/"}`;
      const context: RouteContext = { params: Promise.resolve(params) };
      const response =
        !hasBody && handler.forApiRequest
          ? await handler.forApiRequest(new BodilessRequest(method, url, requestHeaders(req)), context)
          : await handler(
              new NextRequest(url, {
                method,
                headers: requestHeaders(req),
                ...(hasBody ? { body: lazyRequestBody(req), duplex: "half" } : {}),
              }),
              context,
            );
      await writeResponse(res, response, rules, pathname, method === "HEAD");
    } catch (error) {
      // The route wrapper maps every error itself; this is a failure of the plumbing around it.
      const requestId = randomUUID();
      logger.error("unexpected error serving an API route", { requestId, path: pathname, error });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const failure = new ApiError("internal_server_error", "Internal server error");
      await writeResponse(res, errorResponse(failure, requestId), rules, pathname).catch(() => res.destroy());
    }
  }
}

export type { HeaderRule };
