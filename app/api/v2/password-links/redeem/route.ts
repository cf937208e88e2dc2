import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { passwordLinkRedeemSchema } from "@/lib/schemas/invite";
import { ApiError } from "@/lib/server/api/errors";
import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { errorResponse, json } from "@/lib/server/api/responses";
import { toApiError } from "@/lib/server/api/to-api-error";
import { clientAddress } from "@/lib/server/auth/client-address";
import { consumePasswordLinkAttempt } from "@/lib/server/invites/consume-password-link-attempt";
import { readPasswordLinkBody } from "@/lib/server/invites/read-password-link-body";
import { redeemPasswordLink } from "@/lib/server/invites/redeem-password-link";
import { logger } from "@/lib/server/logger";

const ROUTE = "POST /api/v2/password-links/redeem";

/**
 * The form behind an invite or reset link: no session or token (the link's secret is the credential). Counted against
 * the per-address and global limits before the body is read; the body is small or refused.
 */
export async function POST(req: NextRequest): Promise<Response> {
  const requestId = randomUUID();
  const started = performance.now();
  let response: Response;
  try {
    const address = clientAddress(req.headers.get("x-forwarded-for"), env().TRIBUTARY_TRUSTED_PROXIES);
    const waitSeconds = await consumePasswordLinkAttempt(address);
    if (waitSeconds !== null) {
      throw new ApiError("rate_limited", `Too many attempts. Try again in ${waitSeconds} seconds.`, {
        "Retry-After": String(waitSeconds),
      });
    }
    const input = passwordLinkRedeemSchema.parse(await readPasswordLinkBody(req));
    response = json(await redeemPasswordLink(input));
  } catch (error) {
    const { apiError, unexpected } = toApiError(error);
    if (unexpected) logger.error("unexpected error", { requestId, route: ROUTE, error });
    response = errorResponse(apiError, requestId);
  }
  response.headers.set("X-Request-Id", requestId);
  logger.info("request", {
    requestId,
    route: ROUTE,
    status: response.status,
    ms: Math.round(performance.now() - started),
  });
  return response;
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/password-links/redeem", [
  "POST",
]);
