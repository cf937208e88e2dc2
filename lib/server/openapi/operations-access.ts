import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import {
  auditEntryCollectionSchema,
  auditEntrySchema,
  auditLogQuerySchema,
  auditLogSearchSchema,
  MAX_AUDIT_SEARCH_STATEMENTS,
} from "@/lib/schemas/audit";
import { callerIdentitySchema } from "@/lib/schemas/caller-identity";
import { errorBodySchema } from "@/lib/schemas/common";
import {
  memberCollectionSchema,
  memberCreateSchema,
  memberInviteListSchema,
  memberListQuerySchema,
  memberSchema,
  MAX_MEMBERS_PER_CREATE,
} from "@/lib/schemas/member";
import { roleCollectionSchema, roleCreateSchema, roleListQuerySchema, roleSchema } from "@/lib/schemas/role";
import {
  jsonPatchRequestSchema,
  tokenCollectionSchema,
  tokenCreateSchema,
  tokenListQuerySchema,
  tokenResetQuerySchema,
  tokenSchema,
} from "@/lib/schemas/token";

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: `Error ${status}`, content: { "application/json": { schema: errorBodySchema } } },
    ]),
  );

const ok = (description: string, schema: z.ZodType, status = "200") => ({
  [status]: { description, content: { "application/json": { schema } } },
});

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const deleted = { "204": { description: "Deleted" } };

const tokenId = z.string().meta({ description: "The token's `_id`" });
const roleKey = z.string().meta({ description: "The custom role's key or `_id`" });
const memberId = z.string().meta({ description: "The member's `_id`" });

function operation(tag: string, summary: string, rest: Omit<ZodOpenApiOperationObject, "tags" | "summary">) {
  return { tags: [tag], summary, security: [{ ApiToken: [] }], ...rest };
}

/** Tokens, custom roles, members and the audit log (api-contract §5, §7), merged into the document with `openApiPaths`. */
export const accessOpenApiPaths: ZodOpenApiPathsObject = {
  "/api/v2/tokens": {
    get: operation("Access tokens", "List access tokens", {
      description:
        "The caller's own personal tokens and every service token; with `showAll=true`, an admin or the owner also sees every member's personal tokens. By creation date, then `_id`, unless `sort` says otherwise. Tributary's own `q`, `type`, `expiringWithinDays` and `unused` narrow the list; `totalCount` counts what matches and the caller may view.",
      requestParams: { query: tokenListQuerySchema },
      responses: { ...ok("Access tokens", tokenCollectionSchema), ...errors(400, 401, 403, 429) },
    }),
    post: operation("Access tokens", "Create an access token", {
      description:
        "Needs `createAccessToken`. The full token value is in this answer only. Nobody can mint a token with access they do not have (403). Without `role`, `customRoleIds` or `inlineRole` the token is a `reader`; `role` excludes the other two. A personal token (the default) is created only by a session or a personal token, for its own member; a service token creates service tokens only. `customRoleIds` takes keys or `_id`s; a role the caller may not view is unknown (400) like a made-up one. A reset's old value in its grace period creates no token (403).",
      requestBody: jsonBody(tokenCreateSchema),
      responses: { ...ok("Created", tokenSchema, "201"), ...errors(400, 401, 403, 409, 413, 415, 429) },
    }),
  },
  "/api/v2/tokens/{tokenId}": {
    get: operation("Access tokens", "Get an access token", {
      description:
        "A token the caller may not view (`viewAccessToken`) is a 404, exactly like an unknown id.",
      requestParams: { path: z.object({ tokenId }) },
      responses: { ...ok("Access token", tokenSchema), ...errors(401, 403, 404, 429) },
    }),
    patch: operation("Access tokens", "Update an access token", {
      description:
        "A JSON Patch on `/name` (`updateAccessTokenName`), `/description` (`updateAccessTokenDescription`), `/role`, `/customRoleIds`, `/inlineRole` (`updateAccessTokenPolicy`; the caller must be able to grant both the token's current and its new access; never by a reset's old value in its grace period). Access is checked before any operation (a `test` included) runs; a token the caller may not view is a 404.",
      requestParams: { path: z.object({ tokenId }) },
      requestBody: jsonBody(jsonPatchRequestSchema),
      responses: { ...ok("Updated", tokenSchema), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
    }),
    delete: operation("Access tokens", "Delete an access token", {
      requestParams: { path: z.object({ tokenId }) },
      responses: { ...deleted, ...errors(401, 403, 404, 429) },
    }),
  },
  "/api/v2/tokens/{tokenId}/reset": {
    post: operation("Access tokens", "Reset an access token's value", {
      description:
        "Needs `resetAccessToken`, and what creating this token would need: the caller must be able to grant its access, a personal token's value goes only to a session or a personal token, and the owner's personal tokens only to the owner. The new value is in this answer only; the old one keeps working until `expiry` (default: it stops now; at most `TRIBUTARY_TOKEN_MAX_GRACE_HOURS`, default 168, ahead) and meanwhile cannot reset, update or delete its own token, reset or create any token, create members, or change a token's, member's or role's access.",
      requestParams: { path: z.object({ tokenId }), query: tokenResetQuerySchema },
      responses: { ...ok("Reset", tokenSchema), ...errors(400, 401, 403, 404, 429) },
    }),
  },
  "/api/v2/roles": {
    get: operation("Custom roles", "List custom roles", {
      description: "Only the roles the caller may view (`viewRole`), and `totalCount` counts only those.",
      requestParams: { query: roleListQuerySchema },
      responses: { ...ok("Custom roles", roleCollectionSchema), ...errors(400, 401, 403, 429) },
    }),
    post: operation("Custom roles", "Create a custom role", {
      description:
        "Needs `createRole`; the policy may not grant more than the caller has (statements naming only LaunchDarkly resources Tributary lacks grant nothing and need nothing). Not by a reset's old value in its grace period.",
      requestBody: jsonBody(roleCreateSchema),
      responses: { ...ok("Created", roleSchema, "201"), ...errors(400, 401, 403, 409, 413, 415, 429) },
    }),
  },
  "/api/v2/roles/{roleKey}": {
    get: operation("Custom roles", "Get a custom role", {
      description:
        "By key or `_id`. A role the caller may not view (`viewRole`) is a 404, exactly like an unknown key.",
      requestParams: { path: z.object({ roleKey }) },
      responses: { ...ok("Custom role", roleSchema), ...errors(401, 404, 429) },
    }),
    patch: operation("Custom roles", "Update a custom role", {
      description:
        "A JSON Patch on `/name`, `/description`, `/policy` (`updateRole`). A new policy changes the access of every holder, so the caller must be able to grant both the current and the new policy (403), and a reset's old value in its grace period may not change it. A role the caller may not view is a 404 like an unknown key, checked before any operation (a `test` included) runs.",
      requestParams: { path: z.object({ roleKey }) },
      requestBody: jsonBody(jsonPatchRequestSchema),
      responses: { ...ok("Updated", roleSchema), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
    }),
    delete: operation("Custom roles", "Delete a custom role", {
      description:
        "Needs `deleteRole`. 409 `conflict` while a member or token holds the role. A role the caller may not view is a 404 like an unknown key.",
      requestParams: { path: z.object({ roleKey }) },
      responses: { ...deleted, ...errors(401, 403, 404, 409, 429) },
    }),
  },
  "/api/v2/members": {
    get: operation("Members", "List members", {
      requestParams: { query: memberListQuerySchema },
      responses: { ...ok("Members", memberCollectionSchema), ...errors(400, 401, 403, 429) },
    }),
    post: operation("Members", "Create or invite members", {
      description: `LaunchDarkly's list of invites (at most ${MAX_MEMBERS_PER_CREATE}, all or none; answered with the created members' collection), or one member with a password (answered with the member). An invite without a password is a pending invite (\`_pendingInvite\`) who cannot sign in until a password is set. Needs \`createMember\`; the role and custom roles may not grant more than the caller has; a custom role the caller may not view is unknown (400). Not by a reset's old value in its grace period.`,
      requestBody: jsonBody(z.union([memberInviteListSchema, memberCreateSchema])),
      responses: {
        ...ok("Created", z.union([memberCollectionSchema, memberSchema]), "201"),
        ...errors(400, 401, 403, 409, 413, 415, 429),
      },
    }),
  },
  "/api/v2/members/{memberId}": {
    get: operation("Members", "Get a member", {
      requestParams: { path: z.object({ memberId }) },
      responses: { ...ok("Member", memberSchema), ...errors(401, 403, 404, 429) },
    }),
    patch: operation("Members", "Update a member", {
      description:
        "A JSON Patch on `/role`, `/customRoles` or its alias `/customRoleKeys` (`updateMemberRole`; never one's own), `/firstName`, `/lastName`. Giving `owner` transfers ownership (the owner's dashboard session only, never a token; the old owner becomes admin, and both members' sessions end; never to a pending invite, 409). A reset's old value in its grace period changes no member's access. Access is checked before any operation (a `test` included) runs; a member the caller may not view is a 404.",
      requestParams: { path: z.object({ memberId }) },
      requestBody: jsonBody(jsonPatchRequestSchema),
      responses: { ...ok("Updated", memberSchema), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
    }),
    delete: operation("Members", "Delete a member", {
      description:
        "Not the owner. Personal tokens go with the member; service tokens they created pass to the owner.",
      requestParams: { path: z.object({ memberId }) },
      responses: { ...deleted, ...errors(401, 403, 404, 429) },
    }),
  },
  "/api/v2/auditlog": {
    get: operation("Audit log", "List audit log entries", {
      description: "Needs `viewAuditLog` on `acct`. Newest first, then `_id` descending.",
      requestParams: { query: auditLogQuerySchema },
      responses: { ...ok("Audit log entries", auditEntryCollectionSchema), ...errors(400, 401, 403, 429) },
    }),
    post: operation("Audit log", "Search audit log entries", {
      description: `Needs \`viewAuditLog\` on \`acct\`. The query of the listing, and in the body at most ${MAX_AUDIT_SEARCH_STATEMENTS} statements whose \`resources\`/\`notResources\` select entries by what they are about (the target or an ancestor, as \`spec\`): an entry is kept when an \`allow\` statement selects it and no \`deny\` does. \`actions\` may only be \`["*"]\`.`,
      requestParams: { query: auditLogQuerySchema },
      requestBody: jsonBody(auditLogSearchSchema),
      responses: {
        ...ok("Audit log entries", auditEntryCollectionSchema),
        ...errors(400, 401, 403, 413, 415, 429),
      },
    }),
  },
  "/api/v2/caller-identity": {
    get: operation("Other", "Identify the caller", {
      description:
        "Who the request authenticated as: the token (never its value) or the session's member. Needs no action.",
      responses: { ...ok("Caller identity", callerIdentitySchema), ...errors(401, 429) },
    }),
  },
  "/api/v2/openapi.json": {
    get: operation("Other", "Get this OpenAPI document", {
      description:
        "Where LaunchDarkly's client looks for the API description (`getOpenapiSpec`): the same document as `/api/openapi.json`. Needs no token.",
      responses: { ...ok("OpenAPI 3.1 document", z.record(z.string(), z.unknown())) },
    }),
  },
  "/api/v2/auditlog/{id}": {
    get: operation("Audit log", "Get an audit log entry", {
      description:
        "Needs `viewAuditLog` on `acct`. An entry about what the caller may not view is a 404 like an unknown id.",
      requestParams: { path: z.object({ id: z.string() }) },
      responses: { ...ok("Audit log entry", auditEntrySchema), ...errors(401, 403, 404, 429) },
    }),
  },
};
