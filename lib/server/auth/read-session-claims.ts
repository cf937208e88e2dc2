const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a session token says about itself, as decoded (a JWT's `sub` and our `sessionVersion` claim). */
export type SessionClaims = { sub?: unknown; sessionVersion?: unknown };

export type SessionIdentity = { memberId: string; sessionVersion: number };

/**
 * The member and session version a session token names, or null when it names no member. A token signed in before
 * session versions existed carries none and counts as version 0, the column's first value.
 */
export function readSessionClaims(claims: SessionClaims | null | undefined): SessionIdentity | null {
  const memberId = claims?.sub;
  if (typeof memberId !== "string" || !UUID.test(memberId)) return null;
  const version = claims?.sessionVersion ?? 0;
  if (typeof version !== "number" || !Number.isSafeInteger(version)) return null;
  return { memberId, sessionVersion: version };
}
