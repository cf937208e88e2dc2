import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { ApiError } from "@/lib/server/api/errors";
import { apiHandler, type ApiRequest } from "@/lib/server/api/handler";
import { errorResponse } from "@/lib/server/api/responses";
import { isShuttingDown } from "@/lib/server/api/shutting-down";
import { logger } from "@/lib/server/logger";

/**
 * A handler that answers every request with one error: an unknown path (404) or a method the route lacks (405). Marked
 * so that tests listing the API's routes skip it: it is no route of its own.
 */
export type RefusingRoute = ((
  req: NextRequest,
  context: { params: Promise<unknown> },
) => Promise<Response>) & {
  forApiRequest: (req: ApiRequest, context: { params: Promise<unknown> }) => Promise<Response>;
  readonly refusesEveryRequest: true;
};

/**
 * Answers with `refusal(req)`'s error as LaunchDarkly's `{code, message, id}` body. A request that presents a token goes
 * through the API wrapper first, so a bad token is 401 and a good one is counted and gets the rate-limit headers, as on
 * any route; `route` names its rate-limit window (keep it a fixed set: never the requested path).
 */
export function refusingRoute(route: string, refusal: (req: ApiRequest) => ApiError): RefusingRoute {
  const withToken = apiHandler(({ req }) => Promise.reject(refusal(req)), { route });

  async function forApiRequest(req: ApiRequest): Promise<Response> {
    if (req.headers.has("authorization"))
      return withToken.forApiRequest(req, { params: Promise.resolve({}) });
    const started = performance.now();
    const requestId = randomUUID();
    const error = refusal(req);
    const response = errorResponse(error, requestId);
    response.headers.set("X-Request-Id", requestId);
    if (isShuttingDown()) response.headers.set("Connection", "close");
    logger.info("request", {
      requestId,
      route,
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return response;
  }

  const handler = (req: NextRequest) => forApiRequest(req);
  return Object.assign(handler, { forApiRequest, refusesEveryRequest: true as const });
}
