import "server-only";
import type { Principal } from "@/lib/server/access/principal";
import { readSessionClaims, type SessionClaims } from "@/lib/server/auth/read-session-claims";
import { resolveMemberPrincipal } from "@/lib/server/auth/resolve-member-principal";

/**
 * A dashboard session's principal: the member its token names, read fresh, as long as the member's sessions of the
 * token's version have not been ended since (sign-out, access or password change). Null for any other token.
 */
export async function resolveSessionPrincipal(
  claims: SessionClaims | null | undefined,
): Promise<Principal | null> {
  const session = readSessionClaims(claims);
  if (!session) return null;
  return resolveMemberPrincipal(session.memberId, session.sessionVersion);
}
