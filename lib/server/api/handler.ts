import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError } from "@/lib/server/api/errors";
import { assertPathParams } from "@/lib/server/api/assert-path-params";
import { authenticateRequest } from "@/lib/server/api/authenticate-request";
import { consumeRateLimit, type RateLimitOutcome } from "@/lib/server/api/rate-limit";
import { errorResponse } from "@/lib/server/api/responses";
import { isShuttingDown } from "@/lib/server/api/shutting-down";
import { toApiError } from "@/lib/server/api/to-api-error";
import { assertAccess } from "@/lib/server/access/check-access";
import { assertApiVersion } from "@/lib/server/versions/assert-api-version";
import type { Principal } from "@/lib/server/access/principal";
import { logger } from "@/lib/server/logger";

type RouteParams = Record<string, string>;

const READ_METHODS = new Set(["GET", "HEAD"]);

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** LaunchDarkly's rate-limit headers on every answer; a 429 when the window's budget is spent. */
function applyRateLimit(rate: RateLimitOutcome, headers: Headers): void {
  headers.set("X-Ratelimit-Route-Remaining", String(rate.remaining));
  headers.set("X-Ratelimit-Reset", String(rate.resetAt));
  if (!rate.allowed) {
    throw new ApiError(
      "rate_limited",
      "Rate limit exceeded for this token and route; retry after the window resets",
      {
        "Retry-After": String(rate.retryAfterSeconds),
      },
    );
  }
}

/**
 * What route handlers may read of a request: a NextRequest from Next.js, or for GET and HEAD on the hot routes the web
 * server's lighter stand-in (`createHotRouteHandler`), which skips building a NextRequest (40 µs per lookup).
 */
export type ApiRequest = Pick<NextRequest, "method" | "headers" | "url" | "body" | "nextUrl" | "cookies">;

type RouteContext<P extends RouteParams> = { params: Promise<P> };

/** A route.ts handler for Next.js, and the same handler for any ApiRequest (the web server's hot routes). */
export type ApiRoute<P extends RouteParams> = ((
  req: NextRequest,
  context: RouteContext<P>,
) => Promise<Response>) & {
  forApiRequest: (req: ApiRequest, context: RouteContext<P>) => Promise<Response>;
};

export type ApiContext<P extends RouteParams> = {
  req: ApiRequest;
  params: P;
  principal: Principal;
  requestId: string;
};

export type ApiHandlerOptions<P extends RouteParams> = {
  /** Names the route for rate limits and logs, e.g. "POST /api/v2/projects". */
  route: string;
  /** A policy check that needs only the path: done before the handler runs. Others call assertAccess themselves. */
  access?: (params: P) => { action: string; resource: string };
  /** An integration with its own error body (Heap) renders errors here. */
  renderError?: (error: ApiError, requestId: string) => Response;
  /** Picks `renderError` from the request's path parameters (the partner push: Heap's body on Heap's path). */
  errorRendererFor?: (params: RouteParams) => ((error: ApiError, requestId: string) => Response) | undefined;
  /** Validates the path parameters (a 400 with the error body), after the checks of `assertPathParams`. */
  paramsSchema?: z.ZodType<P>;
  /** Told of every error answer as it is rendered (the partner and membership routes record their refusals). */
  onRefused?: (refusal: RouteRefusal) => void;
};

/** An error answer as the wrapper renders it; `principal` is null when authentication had not succeeded. */
export type RouteRefusal = {
  error: ApiError;
  params: RouteParams;
  principal: Principal | null;
  req: ApiRequest;
};

/**
 * The one wrapper for every API route: stamps a request id, authenticates (token or session), rate-limits per principal
 * and route, checks the policy, and maps every error to LaunchDarkly's `{code, message, id}` body.
 */
export function apiHandler<P extends RouteParams = RouteParams>(
  handler: (context: ApiContext<P>) => Promise<Response>,
  options: ApiHandlerOptions<P>,
): ApiRoute<P> {
  async function forApiRequest(req: ApiRequest, context: RouteContext<P>): Promise<Response> {
    const requestId = randomUUID();
    const started = performance.now();
    const headers = new Headers({ "X-Request-Id": requestId });
    let response: Response;
    let rawParams: RouteParams = {};
    let caller: Principal | null = null;
    try {
      const resolved = await context.params;
      rawParams = resolved;
      assertPathParams(req.url, resolved);
      const params = options.paramsSchema ? options.paramsSchema.parse(resolved) : resolved;
      assertApiVersion(req.headers.get("ld-api-version"));
      const principal = await authenticateRequest(req);
      caller = principal;
      const counted = consumeRateLimit(principal.token?.id ?? `member:${principal.member.id}`, options.route);
      const respond = async () => {
        if (options.access) {
          const { action, resource } = options.access(params);
          assertAccess(principal, action, resource);
        }
        return handler({ req, params, principal, requestId });
      };
      if (READ_METHODS.has(req.method)) {
        // A read changes nothing, so it need not wait for the count: both run at once, and a refusal wins.
        const [rate, answer] = await Promise.all([counted, settle(respond())]);
        if (!rate.allowed && answer.ok) await answer.value.body?.cancel();
        applyRateLimit(rate, headers);
        if (!answer.ok) throw answer.error;
        response = answer.value;
      } else {
        applyRateLimit(await counted, headers);
        response = await respond();
      }
    } catch (error) {
      const { apiError, unexpected } = toApiError(error);
      if (unexpected) logger.error("unexpected error", { requestId, route: options.route, error });
      options.onRefused?.({ error: apiError, params: rawParams, principal: caller, req });
      const renderError = options.errorRendererFor?.(rawParams) ?? options.renderError;
      response = renderError ? renderError(apiError, requestId) : errorResponse(apiError, requestId);
    }
    if (isShuttingDown()) headers.set("Connection", "close");
    headers.forEach((value, name) => response.headers.set(name, value));
    logger.info("request", {
      requestId,
      route: options.route,
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return response;
  }
  const route = (req: NextRequest, context: RouteContext<P>) => forApiRequest(req, context);
  return Object.assign(route, { forApiRequest });
}
