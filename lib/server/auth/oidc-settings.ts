import "server-only";
import { env } from "@/lib/env";
import type { OIDC_PROVISIONED_ROLES } from "@/lib/env-sign-in";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Email domains (lowercase) whose unknown people are let in; empty: only existing members. */
  allowedDomains: readonly string[];
  /** The role of a person let in for the first time. */
  defaultRole: (typeof OIDC_PROVISIONED_ROLES)[number];
};

/** Single sign-on's settings from the environment, or null when it is not configured (lib/env.ts checks all or none). */
export function oidcSettings(): OidcSettings | null {
  const config = env();
  const issuer = config.TRIBUTARY_OIDC_ISSUER;
  const clientId = config.TRIBUTARY_OIDC_CLIENT_ID;
  const clientSecret = config.TRIBUTARY_OIDC_CLIENT_SECRET;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    allowedDomains: config.TRIBUTARY_OIDC_ALLOWED_DOMAINS,
    defaultRole: config.TRIBUTARY_OIDC_DEFAULT_ROLE,
  };
}
