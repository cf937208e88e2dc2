import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { assertPathParams } from "@/lib/server/api/assert-path-params";
import { errorResponse, json } from "@/lib/server/api/responses";
import { toApiError } from "@/lib/server/api/to-api-error";
import { logger } from "@/lib/server/logger";
import { listEnvironmentGoals } from "@/lib/server/sdk/list-environment-goals";

type Params = { clientSideId: string };

// A client-side SDK endpoint: no token, like LaunchDarkly's (the client-side ID is public).
export async function GET(req: NextRequest, context: { params: Promise<Params> }): Promise<Response> {
  const requestId = randomUUID();
  let response: Response;
  try {
    const { clientSideId } = await context.params;
    assertPathParams(req.url, { clientSideId });
    response = json(await listEnvironmentGoals(clientSideId));
  } catch (error) {
    const { apiError, unexpected } = toApiError(error);
    if (unexpected)
      logger.error("unexpected error", { requestId, route: "GET /sdk/goals/{clientSideId}", error });
    response = errorResponse(apiError, requestId);
  }
  response.headers.set("X-Request-Id", requestId);
  return response;
}

// Twilio Segment's connection test sends HEAD; the server sends no body with it.
export const HEAD = GET;
