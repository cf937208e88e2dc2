import "server-only";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { compilePagePattern } from "@/lib/server/http/compile-page-pattern";
import type { HotApiRoute, RouteHandler } from "@/lib/server/http/hot-api-routes";
import { ApiError } from "@/lib/server/api/errors";
import { INVALID_PATH_MESSAGE } from "@/lib/server/api/assert-path-params";
import type { ApiRequest } from "@/lib/server/api/handler";
import { errorResponse } from "@/lib/server/api/responses";
import { JsonResponse } from "@/lib/server/api/json-response";
import { logger } from "@/lib/server/logger";

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

/** A `.` or `..` path segment, which URL parsing would resolve away: such paths are Next.js's to interpret. */
const DOT_SEGMENT = /\/\.\.?(\/|$)/;

type HeaderRule = { regex: RegExp; headers: { key: string; value: string }[] };

type CompiledRoute = { pattern: RegExp; paramNames: string[]; handlers: Map<string, RouteHandler> };

type ManifestHeaderRule = {
  source: string;
  regex: string;
  headers: { key: string; value: string }[];
  has?: unknown;
  missing?: unknown;
};

/** The `headers()` of next.config.js as Next.js compiled them, so these responses carry exactly the same headers. */
function loadHeaderRules(distDir: string): HeaderRule[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as {
    headers?: ManifestHeaderRule[];
  };
  return (manifest.headers ?? []).map((rule) => {
    if (rule.has !== undefined || rule.missing !== undefined)
      throw new Error(
        `next.config.js header rule ${rule.source} has conditions, which the hot-route server does not apply`,
      );
    return { regex: new RegExp(rule.regex), headers: rule.headers };
  });
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/**
 * A GET or HEAD as route handlers read it (ApiRequest), without building a NextRequest (an undici Request, its abort
 * signal and a parsed NextURL: 40 µs per lookup, a fifth of the web server's CPU for it). `nextUrl` and `cookies`, which
 * the hot routes read only on rare paths, come from a NextRequest made when first asked for.
 */
class BodilessRequest implements ApiRequest {
  readonly body = null;
  #nextRequest: NextRequest | undefined;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Headers,
  ) {}

  #full(): NextRequest {
    this.#nextRequest ??= new NextRequest(this.url, { method: this.method, headers: this.headers });
    return this.#nextRequest;
  }

  get nextUrl(): NextRequest["nextUrl"] {
    return this.#full().nextUrl;
  }

  get cookies(): NextRequest["cookies"] {
    return this.#full().cookies;
  }
}

function requestOrigin(req: IncomingMessage): string {
  // As Next.js does: https when the socket is TLS or a proxy says so; the host as the client sent it.
  const forwardedProto = req.headers["x-forwarded-proto"];
  const tls = "encrypted" in req.socket && req.socket.encrypted === true;
  const https = tls || (typeof forwardedProto === "string" && forwardedProto.includes("https"));
  return `${https ? "https" : "http"}://${req.headers.host ?? "localhost"}`;
}

/**
 * The request body as a web stream that starts reading the socket only when the handler reads it. `Readable.toWeb` would
 * start at once, and a body the handler never read (a 401 or 503 answered before parsing) would then sit unread on a
 * keep-alive socket until Node closed it with a reset; left alone, Node discards it after the response.
 */
function lazyRequestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let source: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        source ??= (Readable.toWeb(req) as ReadableStream<Uint8Array>).getReader();
        const { done, value } = await source.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return source?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

async function writeResponse(
  res: ServerResponse,
  response: Response,
  rules: HeaderRule[],
  pathname: string,
): Promise<void> {
  const body =
    response instanceof JsonResponse && !response.bodyUsed
      ? Buffer.from(response.bodyText)
      : Buffer.from(await response.arrayBuffer());
  for (const rule of rules) {
    if (rule.regex.test(pathname)) for (const { key, value } of rule.headers) res.setHeader(key, value);
  }
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.setHeader("content-length", body.length);
  res.writeHead(response.status);
  res.end(body);
}

/**
 * Serves the hot API routes (partner pushes, membership writes, lookups, evaluate) straight from their route modules: the
 * same `route.ts` handler and wrapper (auth, policy, rate limit, error body), minus Next.js's per-request routing work,
 * which costs more CPU than the lookup itself. An `/api/v2/` path that is not percent-encoded UTF-8 is answered here too,
 * with a 400 and the API's error body. Returns false for every other request, which then goes to Next.js. A path
 * Next.js would normalise first (trailing slash, dot segments) is left to Next.js too.
 */
export async function createHotRouteHandler(
  routes: readonly HotApiRoute[],
  distDir: string,
): Promise<(req: IncomingMessage, res: ServerResponse) => boolean> {
  const rules = loadHeaderRules(distDir);
  const compiled: CompiledRoute[] = await Promise.all(
    routes.map(async (route) => {
      const routeModule = await route.load();
      const handlers = new Map<string, RouteHandler>();
      for (const [method, handler] of Object.entries(routeModule)) if (handler) handlers.set(method, handler);
      return { ...compilePagePattern(route.page), handlers };
    }),
  );

  return function handleHotRoute(req, res) {
    const url = req.url ?? "/";
    if (!url.startsWith("/api/v2/")) return false;
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    if (DOT_SEGMENT.test(pathname)) return false;
    for (const route of compiled) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const handler = route.handlers.get(req.method ?? "");
      if (!handler) return false;
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, index) => {
        params[name] = decodePathParam(match[index + 1] ?? "");
      });
      void serve(req, res, handler, params, pathname);
      return true;
    }
    // Next.js would answer a path that is not UTF-8 with its HTML error page: an API client gets the API's error body.
    if (!decodesAsUtf8(pathname)) {
      const failure = new ApiError("invalid_request", INVALID_PATH_MESSAGE);
      const requestId = randomUUID();
      const response = errorResponse(failure, requestId);
      response.headers.set("X-Request-Id", requestId);
      writeResponse(res, response, rules, pathname).catch(() => res.destroy());
      return true;
    }
    return false;
  };

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    handler: RouteHandler,
    params: Record<string, string>,
    pathname: string,
  ): Promise<void> {
    try {
      const method = req.method ?? "GET";
      const hasBody = method !== "GET" && method !== "HEAD";
      const url = `${requestOrigin(req)}${req.url ?? "/"}`;
      const context = { params: Promise.resolve(params) };
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
      await writeResponse(res, response, rules, pathname);
    } catch (error) {
      // The route wrapper maps every error itself; this is a failure of the plumbing around it.
      const requestId = randomUUID();
      logger.error("unexpected error serving a hot route", { requestId, path: pathname, error });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const failure = new ApiError("internal_server_error", "Internal server error");
      await writeResponse(res, errorResponse(failure, requestId), rules, pathname).catch(() => res.destroy());
    }
  }
}
