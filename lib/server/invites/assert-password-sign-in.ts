import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import { signInMethods } from "@/lib/server/auth/oidc-sign-in-methods";

export const PASSWORD_SIGN_IN_OFF_MESSAGE =
  "Password sign-in is turned off here (TRIBUTARY_PASSWORD_SIGN_IN=false): members sign in with single sign-on";

/**
 * Passwords are set, changed and reset only while they can sign in: with password sign-in off, a password set through a
 * link or the Account page would be a credential nothing accepts, so every path that sets one is refused (409) before
 * it reads or writes anything. Invites still work: single sign-on matches the pending member by verified email.
 */
export function assertPasswordSignIn(): void {
  if (!signInMethods().password) throw new ApiError("conflict", PASSWORD_SIGN_IN_OFF_MESSAGE);
}
