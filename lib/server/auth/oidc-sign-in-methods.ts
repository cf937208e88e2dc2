import "server-only";
import { env } from "@/lib/env";
import { oidcSettings } from "@/lib/server/auth/oidc-settings";

export type SignInMethods = { password: boolean; sso: boolean };

/** How members may sign in: what the sign-in page offers and which next-auth providers exist. */
export function signInMethods(): SignInMethods {
  return { password: env().TRIBUTARY_PASSWORD_SIGN_IN, sso: oidcSettings() !== null };
}
