import type { ApiError, ApiErrorBody } from "@/lib/server/api/errors";
import { JsonResponse } from "@/lib/server/api/json-response";

export function json(data: unknown, status = 200): Response {
  return new JsonResponse(data, { status });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function errorResponse(error: ApiError, requestId: string): Response {
  const body: ApiErrorBody = { code: error.code, message: error.message, id: requestId };
  return new JsonResponse(body, { status: error.status, headers: error.headers });
}
