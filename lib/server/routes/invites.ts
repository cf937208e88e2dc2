import "server-only";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import {
  INVALID_LINK_MESSAGE,
  INVITE_LINK_TTL_DAYS,
  MIN_OWN_PASSWORD_LENGTH,
  RESET_LINK_TTL_HOURS,
  inviteCreateSchema,
  inviteCreatedSchema,
  passwordChangeSchema,
  passwordLinkIssuedSchema,
  passwordLinkListSchema,
  passwordLinkRedeemSchema,
  passwordLinkRedeemedSchema,
} from "@/lib/schemas/invite";
import { toMemberToCreate } from "@/lib/schemas/member";
import { definePlainRoute, defineRoute } from "@/lib/server/api/define-route";
import { ApiError } from "@/lib/server/api/errors";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { errorResponse, json, noContent } from "@/lib/server/api/responses";
import { toApiError } from "@/lib/server/api/to-api-error";
import { clientAddress } from "@/lib/server/auth/client-address";
import { changePassword } from "@/lib/server/invites/change-password";
import { consumePasswordLinkAttempt } from "@/lib/server/invites/consume-password-link-attempt";
import { createInvites } from "@/lib/server/invites/create-invites";
import { issuePasswordLink } from "@/lib/server/invites/issue-password-link";
import { linkBaseUrl } from "@/lib/server/invites/link-base-url";
import { listPasswordLinks } from "@/lib/server/invites/list-password-links";
import {
  MAX_PASSWORD_LINK_BODY_BYTES,
  PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE,
  PASSWORD_LINK_ATTEMPTS_PER_MINUTE,
} from "@/lib/server/invites/password-link-limits";
import { readPasswordLinkBody } from "@/lib/server/invites/read-password-link-body";
import { redeemPasswordLink } from "@/lib/server/invites/redeem-password-link";
import { reissueSessionCookie } from "@/lib/server/invites/reissue-session-cookie";
import { revokePasswordLink } from "@/lib/server/invites/revoke-password-link";
import { logger } from "@/lib/server/logger";
import { jsonRequestBody } from "@/lib/server/openapi/operation-parts";

const TAG = "Invites and passwords";
const REDEEM = "/api/v2/password-links/redeem";
const PASSWORD_OFF =
  "With password sign-in off (`TRIBUTARY_PASSWORD_SIGN_IN=false`) it is 409: members sign in with single sign-on, and no password is set.";
const memberPathSchema = z.object({ memberId: z.string().meta({ description: "The member's `_id`" }) });
const EMAILED =
  "The link is in this answer only, and emailed to the member when SMTP is configured (`TRIBUTARY_SMTP_URL`).";

/**
 * The form behind an invite or reset link: no session or token (the link's secret is the credential). Counted against
 * the per-address and global limits before the body is read; the body is small or refused.
 */
async function redeem(req: NextRequest): Promise<Response> {
  const route = `POST ${REDEEM}`;
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
    if (unexpected) logger.error("unexpected error", { requestId, route, error });
    response = errorResponse(apiError, requestId);
  }
  response.headers.set("X-Request-Id", requestId);
  logger.info("request", {
    requestId,
    route,
    status: response.status,
    ms: Math.round(performance.now() - started),
  });
  return response;
}

/** A member's one-time link of `kind`: issue a new one (201) or revoke it (204). */
function passwordLinkRoutes(kind: "invite" | "reset", path: string, docs: { issue: string; revoke: string }) {
  const summaries =
    kind === "invite"
      ? { issue: "Issue a new invite link", revoke: "Revoke an invite" }
      : { issue: "Issue a password reset link", revoke: "Revoke a password reset link" };
  return [
    defineRoute({
      method: "POST",
      path,
      schemas: { params: memberPathSchema },
      openapi: {
        tag: TAG,
        summary: summaries.issue,
        description: docs.issue,
        success: { status: 201, description: "Issued", schema: passwordLinkIssuedSchema },
        errors: [403, 404, 409],
      },
      handle: async ({ req, params, principal }) =>
        json(await issuePasswordLink(principal, params.memberId, kind, linkBaseUrl(req.url)), 201),
    }),
    defineRoute({
      method: "DELETE",
      path,
      schemas: { params: memberPathSchema },
      openapi: {
        tag: TAG,
        summary: summaries.revoke,
        description: docs.revoke,
        success: { description: "Revoked" },
        errors: kind === "invite" ? [403, 404, 409] : [403, 404],
      },
      handle: async ({ params, principal }) => {
        await revokePasswordLink(principal, params.memberId, kind);
        return noContent();
      },
    }),
  ];
}

/** Invites, reset links and password changes. */
export const inviteRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v2/invites",
    openapi: {
      tag: TAG,
      summary: "List invite and reset links",
      description:
        "The links of the members the caller may view (`viewMember`), expired ones included, never their secrets.",
      success: { description: "Links", schema: passwordLinkListSchema },
      errors: [403],
    },
    handle: async ({ principal }) => json(await listPasswordLinks(principal)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v2/invites",
    schemas: { body: inviteCreateSchema },
    openapi: {
      tag: TAG,
      summary: "Invite a member",
      description: `Creates a pending member (as \`POST /api/v2/members\` would: \`createMember\`, and the role and custom roles may not grant more than the caller has) with a one-time invite link that works for ${INVITE_LINK_TTL_DAYS} days. ${EMAILED}`,
      success: { status: 201, description: "Invited", schema: inviteCreatedSchema },
      errors: [403, 409, 413, 415],
    },
    handle: async ({ req, body, principal }) => {
      const { members, links } = await createInvites(
        principal,
        [toMemberToCreate(body)],
        linkBaseUrl(req.url),
      );
      return json({ member: members[0], link: links[0] }, 201);
    },
  }),
  ...passwordLinkRoutes("invite", "/api/v2/members/{memberId}/invite", {
    issue: `For a pending member: the same checks as inviting. The previous link stops working. ${EMAILED} 409 once the invite is accepted.`,
    revoke: "Deletes the pending member and its link (`deleteMember`). 409 once the invite is accepted.",
  }),
  ...passwordLinkRoutes("reset", "/api/v2/members/{memberId}/password-reset", {
    issue: `For a member with a password: needs \`updateMemberRole\` on the member and the right to grant its current access; the owner's only from the owner's own dashboard session, and one's own never through a token. Works once, for ${RESET_LINK_TTL_HOURS} hours; any previous link stops working. ${EMAILED} Using it ends every session of the member. ${PASSWORD_OFF}`,
    revoke: "Needs what issuing one needs; 404 when the member has none.",
  }),
  definePlainRoute({
    method: "POST",
    path: REDEEM,
    openapi: {
      tag: TAG,
      summary: "Set a password with an invite or reset link",
      description: `No token or session: the link's secret is the credential. The password is ${MIN_OWN_PASSWORD_LENGTH} to 1,024 characters. An unknown, used, revoked or expired link is the same 404 ("${INVALID_LINK_MESSAGE}"). At most ${PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE} uses a minute per client address and ${PASSWORD_LINK_ATTEMPTS_PER_MINUTE} for all (429), bodies of at most ${MAX_PASSWORD_LINK_BODY_BYTES} bytes (413). ${PASSWORD_OFF}`,
      requestBody: jsonRequestBody(passwordLinkRedeemSchema),
      success: { description: "Password set", schema: passwordLinkRedeemedSchema },
      errors: [404, 409, 413, 415, 429],
    },
    handle: redeem,
  }),
  defineRoute({
    method: "POST",
    path: "/api/v2/account/password",
    openapi: {
      tag: TAG,
      summary: "Change one's own password",
      description: `A dashboard session only (a token gets 403), with the current password (wrong: 400; it counts against the email's sign-in throttle, 429) and a new one of ${MIN_OWN_PASSWORD_LENGTH} to 1,024 characters. Every other session of the member ends; this one is re-issued in \`Set-Cookie\`. ${PASSWORD_OFF}`,
      // Read by the handler: the password check decides what a bad body is.
      requestBody: jsonRequestBody(passwordChangeSchema),
      success: { description: "Changed" },
      errors: [403, 409, 413, 415],
    },
    handle: async ({ req, principal }) => {
      const { sessionVersion } = await changePassword(principal, await readJsonBody(req));
      const response = new Response(null, { status: 204 });
      // Every other session has ended; this one goes on with the new session version.
      const request = req instanceof NextRequest ? req : new NextRequest(req.url, { headers: req.headers });
      const cookie = await reissueSessionCookie(request, sessionVersion);
      if (cookie !== null) response.headers.set("Set-Cookie", cookie);
      return response;
    },
  }),
];
