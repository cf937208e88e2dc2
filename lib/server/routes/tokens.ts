import "server-only";
import { z } from "zod";
import {
  jsonPatchRequestSchema,
  tokenCollectionSchema,
  tokenCreateSchema,
  tokenListQuerySchema,
  tokenResetQuerySchema,
  tokenSchema,
} from "@/lib/schemas/token";
import { toCollection } from "@/lib/server/api/collection";
import { defineRoute } from "@/lib/server/api/define-route";
import { json, noContent } from "@/lib/server/api/responses";
import { createToken } from "@/lib/server/tokens/create-token";
import { deleteToken } from "@/lib/server/tokens/delete-token";
import { getTokenOrThrow } from "@/lib/server/tokens/get-token-or-throw";
import { listTokens } from "@/lib/server/tokens/list-tokens";
import { resetToken } from "@/lib/server/tokens/reset-token";
import { serializeToken } from "@/lib/server/tokens/serialize-token";
import { updateToken } from "@/lib/server/tokens/update-token";

const TAG = "Access tokens";
const TOKENS = "/api/v2/tokens";
const TOKEN = `${TOKENS}/{tokenId}`;
const tokenPathSchema = z.object({ tokenId: z.string().meta({ description: "The token's `_id`" }) });

/** Access tokens (api-contract §5). */
export const tokenRoutes = [
  defineRoute({
    method: "GET",
    path: TOKENS,
    schemas: { query: tokenListQuerySchema },
    openapi: {
      tag: TAG,
      summary: "List access tokens",
      description:
        "The caller's own personal tokens and every service token; with `showAll=true`, an admin or the owner also sees every member's personal tokens. By creation date, then `_id`, unless `sort` says otherwise. Tributary's own `q`, `type`, `expiringWithinDays` and `unused` narrow the list; `totalCount` counts what matches and the caller may view.",
      success: { description: "Access tokens", schema: tokenCollectionSchema },
      errors: [403],
    },
    handle: async ({ req, query, principal }) => {
      const { items, totalCount } = await listTokens(principal, query);
      return json(
        toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
      );
    },
  }),
  defineRoute({
    method: "POST",
    path: TOKENS,
    schemas: { body: tokenCreateSchema },
    openapi: {
      tag: TAG,
      summary: "Create an access token",
      description:
        "Needs `createAccessToken`. The full token value is in this answer only. Nobody can mint a token with access they do not have (403). Without `role`, `customRoleIds` or `inlineRole` the token is a `reader`; `role` excludes the other two. A personal token (the default) is created only by a session or a personal token, for its own member; a service token creates service tokens only. `customRoleIds` takes keys or `_id`s; a role the caller may not view is unknown (400) like a made-up one. A reset's old value in its grace period creates no token (403).",
      success: { status: 201, description: "Created", schema: tokenSchema },
      errors: [403, 409, 413, 415],
    },
    handle: async ({ body, principal }) => json(await createToken(principal, body), 201),
  }),
  defineRoute({
    method: "GET",
    path: TOKEN,
    schemas: { params: tokenPathSchema },
    openapi: {
      tag: TAG,
      summary: "Get an access token",
      description:
        "A token the caller may not view (`viewAccessToken`) is a 404, exactly like an unknown id.",
      success: { description: "Access token", schema: tokenSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) =>
      json(serializeToken(await getTokenOrThrow(principal, params.tokenId))),
  }),
  defineRoute({
    method: "PATCH",
    path: TOKEN,
    schemas: { params: tokenPathSchema, body: jsonPatchRequestSchema },
    openapi: {
      tag: TAG,
      summary: "Update an access token",
      description:
        "A JSON Patch on `/name` (`updateAccessTokenName`), `/description` (`updateAccessTokenDescription`), `/role`, `/customRoleIds`, `/inlineRole` (`updateAccessTokenPolicy`; the caller must be able to grant both the token's current and its new access; never by a reset's old value in its grace period). Access is checked before any operation (a `test` included) runs; a token the caller may not view is a 404.",
      success: { description: "Updated", schema: tokenSchema },
      errors: [403, 404, 409, 413, 415],
    },
    handle: async ({ params, body, principal }) => json(await updateToken(principal, params.tokenId, body)),
  }),
  defineRoute({
    method: "DELETE",
    path: TOKEN,
    schemas: { params: tokenPathSchema },
    openapi: {
      tag: TAG,
      summary: "Delete an access token",
      success: { description: "Deleted" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      await deleteToken(principal, params.tokenId);
      return noContent();
    },
  }),
  defineRoute({
    method: "POST",
    path: `${TOKEN}/reset`,
    schemas: { params: tokenPathSchema, query: tokenResetQuerySchema },
    openapi: {
      tag: TAG,
      summary: "Reset an access token's value",
      description:
        "Needs `resetAccessToken`, and what creating this token would need: the caller must be able to grant its access, a personal token's value goes only to a session or a personal token, and the owner's personal tokens only to the owner. The new value is in this answer only; the old one keeps working until `expiry` (default: it stops now; at most `TRIBUTARY_TOKEN_MAX_GRACE_HOURS`, default 168, ahead) and meanwhile cannot reset, update or delete its own token, reset or create any token, create members, or change a token's, member's or role's access.",
      success: { description: "Reset", schema: tokenSchema },
      errors: [403, 404],
    },
    handle: async ({ params, query, principal }) =>
      json(await resetToken(principal, params.tokenId, query.expiry)),
  }),
];
