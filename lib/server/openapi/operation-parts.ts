import type { z } from "zod";
import type {
  ZodOpenApiRequestBodyObject,
  ZodOpenApiResponseObject,
  ZodOpenApiResponsesObject,
} from "zod-openapi";
import { errorBodySchema } from "@/lib/schemas/common";

/** The error statuses of an operation, each with LaunchDarkly's `{code, message, id}` body, in ascending order. */
export function errorResponses(statuses: Iterable<number>): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    [...new Set(statuses)]
      .sort((a, b) => a - b)
      .map((status) => [
        String(status),
        { description: `Error ${status}`, content: { "application/json": { schema: errorBodySchema } } },
      ]),
  );
}

/** A success answer: a body of `schema` (JSON unless `mediaType` says otherwise), or none (204) without one. */
export function successResponse(
  description: string,
  schema?: z.ZodType,
  mediaType = "application/json",
): ZodOpenApiResponseObject {
  return schema ? { description, content: { [mediaType]: { schema } } } : { description };
}

export function jsonRequestBody(schema: z.ZodType): ZodOpenApiRequestBodyObject {
  return { content: { "application/json": { schema } } };
}
