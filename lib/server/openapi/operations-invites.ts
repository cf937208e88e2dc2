import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { errorBodySchema } from "@/lib/schemas/common";
import {
  INVALID_LINK_MESSAGE,
  INVITE_LINK_TTL_DAYS,
  inviteCreatedSchema,
  inviteCreateSchema,
  MIN_OWN_PASSWORD_LENGTH,
  passwordChangeSchema,
  passwordLinkIssuedSchema,
  passwordLinkListSchema,
  passwordLinkRedeemedSchema,
  passwordLinkRedeemSchema,
  RESET_LINK_TTL_HOURS,
} from "@/lib/schemas/invite";
import {
  MAX_PASSWORD_LINK_BODY_BYTES,
  PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE,
  PASSWORD_LINK_ATTEMPTS_PER_MINUTE,
} from "@/lib/server/invites/password-link-limits";

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

const memberPath = z.object({ memberId: z.string().meta({ description: "The member's `_id`" }) });

function operation(summary: string, rest: Omit<ZodOpenApiOperationObject, "tags" | "summary">) {
  return { tags: ["Invites and passwords"], summary, security: [{ ApiToken: [] }], ...rest };
}

const EMAILED =
  "The link is in this answer only, and emailed to the member when SMTP is configured (`TRIBUTARY_SMTP_URL`).";

/** Invites, reset links and password changes; merged into the document with the other paths. */
export const inviteOpenApiPaths: ZodOpenApiPathsObject = {
  "/api/v2/invites": {
    get: operation("List invite and reset links", {
      description:
        "The links of the members the caller may view (`viewMember`), expired ones included, never their secrets.",
      responses: { ...ok("Links", passwordLinkListSchema), ...errors(401, 403, 429) },
    }),
    post: operation("Invite a member", {
      description: `Creates a pending member (as \`POST /api/v2/members\` would: \`createMember\`, and the role and custom roles may not grant more than the caller has) with a one-time invite link that works for ${INVITE_LINK_TTL_DAYS} days. ${EMAILED}`,
      requestBody: jsonBody(inviteCreateSchema),
      responses: {
        ...ok("Invited", inviteCreatedSchema, "201"),
        ...errors(400, 401, 403, 409, 413, 415, 429),
      },
    }),
  },
  "/api/v2/members/{memberId}/invite": {
    post: operation("Issue a new invite link", {
      description: `For a pending member: the same checks as inviting. The previous link stops working. ${EMAILED} 409 once the invite is accepted.`,
      requestParams: { path: memberPath },
      responses: { ...ok("Issued", passwordLinkIssuedSchema, "201"), ...errors(401, 403, 404, 409, 429) },
    }),
    delete: operation("Revoke an invite", {
      description:
        "Deletes the pending member and its link (`deleteMember`). 409 once the invite is accepted.",
      requestParams: { path: memberPath },
      responses: { "204": { description: "Revoked" }, ...errors(401, 403, 404, 409, 429) },
    }),
  },
  "/api/v2/members/{memberId}/password-reset": {
    post: operation("Issue a password reset link", {
      description: `For a member with a password: needs \`updateMemberRole\` on the member and the right to grant its current access; the owner's only from the owner's own dashboard session, and one's own never through a token. Works once, for ${RESET_LINK_TTL_HOURS} hours; any previous link stops working. ${EMAILED} Using it ends every session of the member.`,
      requestParams: { path: memberPath },
      responses: { ...ok("Issued", passwordLinkIssuedSchema, "201"), ...errors(401, 403, 404, 409, 429) },
    }),
    delete: operation("Revoke a password reset link", {
      description: "Needs what issuing one needs; 404 when the member has none.",
      requestParams: { path: memberPath },
      responses: { "204": { description: "Revoked" }, ...errors(401, 403, 404, 429) },
    }),
  },
  "/api/v2/password-links/redeem": {
    post: {
      tags: ["Invites and passwords"],
      summary: "Set a password with an invite or reset link",
      security: [],
      description: `No token or session: the link's secret is the credential. The password is ${MIN_OWN_PASSWORD_LENGTH} to 1,024 characters. An unknown, used, revoked or expired link is the same 404 ("${INVALID_LINK_MESSAGE}"). At most ${PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE} uses a minute per client address and ${PASSWORD_LINK_ATTEMPTS_PER_MINUTE} for all (429), bodies of at most ${MAX_PASSWORD_LINK_BODY_BYTES} bytes (413).`,
      requestBody: jsonBody(passwordLinkRedeemSchema),
      responses: { ...ok("Password set", passwordLinkRedeemedSchema), ...errors(400, 404, 413, 415, 429) },
    },
  },
  "/api/v2/account/password": {
    post: operation("Change one's own password", {
      description: `A dashboard session only (a token gets 403), with the current password (wrong: 400; it counts against the email's sign-in throttle, 429) and a new one of ${MIN_OWN_PASSWORD_LENGTH} to 1,024 characters. Every other session of the member ends; this one is re-issued in \`Set-Cookie\`.`,
      requestBody: jsonBody(passwordChangeSchema),
      responses: { "204": { description: "Changed" }, ...errors(400, 401, 403, 413, 415, 429) },
    }),
  },
};
