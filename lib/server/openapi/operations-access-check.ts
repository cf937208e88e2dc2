import type { ZodOpenApiPathsObject } from "zod-openapi";
import { accessCheckRequestSchema, accessCheckResponseSchema } from "@/lib/schemas/access-check";
import { errorBodySchema } from "@/lib/schemas/common";

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: `Error ${status}`, content: { "application/json": { schema: errorBodySchema } } },
    ]),
  );

/** The access check behind the dashboard's disabled buttons and the role editor's test box; merged with `openApiPaths`. */
export const accessCheckOpenApiPaths: ZodOpenApiPathsObject = {
  "/api/v2/access/check": {
    post: {
      tags: ["Access"],
      summary: "Check access",
      description:
        "Answers, for each `{action, resource}`, whether it is allowed and why, with the engine the API enforces. Without `policy`: the caller's own access (a personal token is bounded by its member). With `policy`: those statements alone, e.g. a custom role before it is saved. Any authenticated caller; nothing is stored.",
      security: [{ ApiToken: [] }],
      requestBody: { content: { "application/json": { schema: accessCheckRequestSchema } } },
      responses: {
        "200": {
          description: "One result per check, in order",
          content: { "application/json": { schema: accessCheckResponseSchema } },
        },
        ...errors(400, 401, 403, 413, 415, 429),
      },
    },
  },
};
