import "server-only";
import { z } from "zod";
import { accessCheckRequestSchema, accessCheckResponseSchema } from "@/lib/schemas/access-check";
import { callerIdentitySchema } from "@/lib/schemas/caller-identity";
import { checkAccessBatch } from "@/lib/server/access/check-access-batch";
import { describeCallerIdentity } from "@/lib/server/access/describe-caller-identity";
import {
  MAX_ACCESS_CHECKS,
  MAX_ACTION_LENGTH,
  MAX_GLOB_WILDCARDS,
  MAX_POLICY_ENTRIES,
  MAX_POLICY_STATEMENTS,
  MAX_SPECIFIER_LENGTH,
  MAX_STATEMENT_ITEMS,
} from "@/lib/server/access/policy-limits";
import { defineRoute, definePlainRoute } from "@/lib/server/api/define-route";
import { json } from "@/lib/server/api/responses";

async function openApiDocument(): Promise<Response> {
  // Loaded when asked: the document is built from the route objects, these among them.
  const { buildOpenApiDocument } = await import("@/lib/server/openapi/build-openapi-document");
  return Response.json(buildOpenApiDocument());
}

/** Who the caller is, what it may do, and the API's own description. */
export const accountRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v2/caller-identity",
    openapi: {
      tag: "Other",
      summary: "Identify the caller",
      description:
        "Who the request authenticated as: the token (never its value) or the session's member. Needs no action.",
      success: { description: "Caller identity", schema: callerIdentitySchema },
    },
    handle: ({ principal }) => Promise.resolve(json(describeCallerIdentity(principal))),
  }),
  // Any authenticated caller may ask about its own access or about a policy it supplies; the answer reveals no data.
  defineRoute({
    method: "POST",
    path: "/api/v2/access/check",
    schemas: { body: accessCheckRequestSchema },
    openapi: {
      tag: "Access",
      summary: "Check access",
      description: `Answers, for each \`{action, resource}\`, whether it is allowed and why, with the engine the API enforces. Without \`policy\`: the caller's own access (a personal token is bounded by its member). With \`policy\`: those statements alone, e.g. a custom role before it is saved. Any authenticated caller; nothing is stored. At most ${MAX_ACCESS_CHECKS} checks, and \`policy\` is bounded like any stored policy (${MAX_POLICY_STATEMENTS} statements, ${MAX_STATEMENT_ITEMS} entries per list, ${MAX_POLICY_ENTRIES} in all, actions of at most ${MAX_ACTION_LENGTH} characters and specifiers of at most ${MAX_SPECIFIER_LENGTH}, at most ${MAX_GLOB_WILDCARDS} \`*\` per glob): beyond a limit, 400 before anything is evaluated.`,
      success: { description: "One result per check, in order", schema: accessCheckResponseSchema },
      errors: [403, 413, 415],
    },
    handle: ({ body, principal }) => Promise.resolve(json(checkAccessBatch(principal, body))),
  }),
  definePlainRoute({ method: "GET", path: "/api/openapi.json", handle: openApiDocument }),
  // Where LaunchDarkly serves its OpenAPI document (its client's `getOpenapiSpec`).
  definePlainRoute({
    method: "GET",
    path: "/api/v2/openapi.json",
    openapi: {
      tag: "Other",
      summary: "Get this OpenAPI document",
      description:
        "Where LaunchDarkly's client looks for the API description (`getOpenapiSpec`): the same document as `/api/openapi.json`. Needs no token.",
      success: { description: "OpenAPI 3.1 document", schema: z.record(z.string(), z.unknown()) },
    },
    handle: openApiDocument,
  }),
];
