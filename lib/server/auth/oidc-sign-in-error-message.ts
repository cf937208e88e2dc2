import { SIGN_IN_FAILED_MESSAGE } from "@/lib/server/auth/sign-in-limits";
import { OIDC_REFUSALS } from "@/lib/server/auth/oidc-refusals";

/** next-auth's own codes for a sign-in through an identity provider that did not complete. */
const SSO_INCOMPLETE = "Single sign-on did not complete. Try again, or ask your administrator.";

const MESSAGES: Record<string, string> = {
  ...OIDC_REFUSALS,
  OAuthSignin: SSO_INCOMPLETE,
  OAuthCallback: SSO_INCOMPLETE,
  Callback: SSO_INCOMPLETE,
  AccessDenied: "Sign-in was refused.",
  CredentialsSignin: "Wrong email or password",
  SessionRequired: "Sign in to continue.",
};

/**
 * What the sign-in page says for the `error` next-auth or single sign-on put in its URL: only our own words, whatever the
 * parameter holds (an unknown code is the generic failure), so a crafted link cannot make the page say anything else.
 */
export function signInErrorMessage(code: string | string[] | undefined): string | null {
  if (code === undefined) return null;
  const first = Array.isArray(code) ? code[0] : code;
  if (first === undefined || first === "") return null;
  return Object.hasOwn(MESSAGES, first)
    ? (MESSAGES[first] ?? SIGN_IN_FAILED_MESSAGE)
    : SIGN_IN_FAILED_MESSAGE;
}
