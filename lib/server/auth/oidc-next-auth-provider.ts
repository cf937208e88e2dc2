import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet, TokenSetParameters } from "openid-client";
import type { OidcSettings } from "@/lib/server/auth/oidc-settings";

/** next-auth's id for single sign-on: its callback is `<NEXTAUTH_URL>/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

/**
 * What the provider's profile names until the sign-in callback replaces it with the member's id. It is no UUID, so a
 * session that somehow kept it would name no member (read-session-claims.ts) rather than a stranger's subject.
 */
const UNMATCHED_SUBJECT_PREFIX = "oidc-subject:";

type ProviderClaims = Record<string, unknown> & { sub: string };

/** next-auth hands the userinfo request openid-client's TokenSet (its ID token checked), typed as its bare parameters. */
function isCheckedTokenSet(tokens: TokenSetParameters): tokens is TokenSet {
  return typeof tokens.claims === "function" && typeof tokens.id_token === "string";
}

/**
 * The identity provider, found through its discovery document: authorization code flow with PKCE and state, the ID token
 * checked by openid-client (issuer, audience, signature, expiry). Claims come from the ID token and the userinfo endpoint
 * together, since many providers (oidc-provider among them) put `email` only in the latter; openid-client refuses a
 * userinfo answer about another subject than the ID token's.
 */
export function oidcNextAuthProvider(settings: OidcSettings): OAuthConfig<ProviderClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: "SSO",
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state"],
    idToken: true,
    userinfo: {
      async request({ tokens, client }) {
        if (!isCheckedTokenSet(tokens)) throw new Error("the identity provider sent no ID token");
        const userinfo = await client.userinfo(tokens);
        return { ...tokens.claims(), ...userinfo };
      },
    },
    profile(claims) {
      return { id: `${UNMATCHED_SUBJECT_PREFIX}${claims.sub}` };
    },
  };
}
