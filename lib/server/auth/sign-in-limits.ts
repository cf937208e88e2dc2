/** A sign-in or sign-out form is a few hundred bytes; anything larger is refused before it is read whole. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;
/** The window of the global and per-address sign-in limits. */
export const SIGN_IN_LIMIT_WINDOW_SECONDS = 60;

/** What the sign-in page shows for every refusal by a limit (which one is not said). */
export function tooManySignInAttemptsMessage(retryAfterSeconds: number): string {
  return `Too many sign-in attempts. Try again in ${retryAfterSeconds} seconds.`;
}

/** What the sign-in page shows when sign-in fails for a reason other than the credentials (never the reason itself). */
export const SIGN_IN_FAILED_MESSAGE = "Sign-in failed. Try again later.";
