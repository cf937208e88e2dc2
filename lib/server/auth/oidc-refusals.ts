/** Why single sign-on turned a person away; the code travels in the sign-in page's `error` parameter. */
export const OIDC_REFUSALS = {
  SsoEmailMissing:
    "Your identity provider did not send an email address, so Tributary cannot tell who you are. Ask your administrator.",
  SsoEmailUnverified:
    "Your identity provider has not verified your email address, so it cannot be matched to a member. Verify it there, or ask your administrator.",
  SsoNotAMember:
    "No member of this Tributary has your email address, and your email domain may not join by itself. Ask an admin to add you.",
  SsoFailed: "Single sign-on failed. Try again later.",
} as const;

export type OidcRefusal = keyof typeof OIDC_REFUSALS;

/** Where a refused person is sent: the sign-in page, which says why. */
export function oidcRefusalPath(refusal: OidcRefusal): string {
  return `/login?error=${refusal}`;
}
