import "server-only";
import type { Account, Profile, User } from "next-auth";
import { logger } from "@/lib/server/logger";
import { OIDC_PROVIDER_ID } from "@/lib/server/auth/oidc-next-auth-provider";
import { oidcRefusalPath } from "@/lib/server/auth/oidc-refusals";
import type { OidcSettings } from "@/lib/server/auth/oidc-settings";
import { signInWithOidc } from "@/lib/server/auth/oidc-sign-in";

/**
 * next-auth's `signIn` callback for single sign-on: the member the claims sign in as becomes the session's user (its id
 * and session version, as the password sign-in gives them), or the person is sent to the sign-in page with the reason.
 * next-auth would put a thrown error's message into the URL, so nothing is thrown: an unexpected error is logged and
 * becomes the generic refusal. Other providers pass through.
 */
export async function oidcSignInCallback(
  settings: OidcSettings | null,
  { user, account, profile }: { user: User; account: Account | null; profile?: Profile },
): Promise<string | true> {
  if (account?.provider !== OIDC_PROVIDER_ID) return true;
  if (!settings) return oidcRefusalPath("SsoFailed");
  try {
    const outcome = await signInWithOidc(profile, settings);
    if (outcome.kind === "refused") return oidcRefusalPath(outcome.refusal);
    // next-auth hands this same object to the jwt callback, which writes the session.
    user.id = outcome.member.id;
    user.sessionVersion = outcome.member.sessionVersion;
    return true;
  } catch (error) {
    logger.error("single sign-on failed", { error });
    return oidcRefusalPath("SsoFailed");
  }
}
