import type { ZodOpenApiPathsObject } from "zod-openapi";
import { accessCheckRequestSchema, accessCheckResponseSchema } from "@/lib/schemas/access-check";
import { errorBodySchema } from "@/lib/schemas/common";
import {
  MAX_ACCESS_CHECKS,
  MAX_ACTION_LENGTH,
  MAX_GLOB_WILDCARDS,
  MAX_POLICY_ENTRIES,
  MAX_POLICY_STATEMENTS,
  MAX_SPECIFIER_LENGTH,
  MAX_STATEMENT_ITEMS,
} from "@/lib/server/access/policy-limits";

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
      description: `Answers, for each \`{action, resource}\`, whether it is allowed and why, with the engine the API enforces. Without \`policy\`: the caller's own access (a personal token is bounded by its member). With \`policy\`: those statements alone, e.g. a custom role before it is saved. Any authenticated caller; nothing is stored. At most ${MAX_ACCESS_CHECKS} checks, and \`policy\` is bounded like any stored policy (${MAX_POLICY_STATEMENTS} statements, ${MAX_STATEMENT_ITEMS} entries per list, ${MAX_POLICY_ENTRIES} in all, actions of at most ${MAX_ACTION_LENGTH} characters and specifiers of at most ${MAX_SPECIFIER_LENGTH}, at most ${MAX_GLOB_WILDCARDS} \`*\` per glob): beyond a limit, 400 before anything is evaluated.`,
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
