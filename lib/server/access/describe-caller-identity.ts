import type { CallerIdentity } from "@/lib/schemas/caller-identity";
import { AUDIT_ACCOUNT_ID } from "@/lib/schemas/audit";
import type { Principal } from "@/lib/server/access/principal";

/**
 * Who the caller is, as LaunchDarkly's `GET /api/v2/caller-identity` tells a client checking its credentials: the token
 * (never its value) or the session's member. It says nothing the caller does not already hold, so it needs no action.
 */
export function describeCallerIdentity(principal: Principal): CallerIdentity {
  const { token } = principal;
  return {
    accountId: AUDIT_ACCOUNT_ID,
    authKind: principal.kind,
    ...(token !== null && {
      tokenKind: token.serviceToken ? "service" : "personal",
      tokenId: token.id,
      tokenName: token.name,
      serviceToken: token.serviceToken,
    }),
    memberId: principal.member.id,
  };
}
