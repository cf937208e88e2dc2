import { z } from "zod";

/** The roles single sign-on may give a person it lets in for the first time: never the owner (ownership is transferred). */
export const OIDC_PROVISIONED_ROLES = ["reader", "writer", "admin", "no_access"] as const;

const DOMAIN_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const allowedDomainsSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    const domains: string[] = [];
    for (const entry of (value ?? "").split(",")) {
      const domain = entry.trim().toLowerCase().replace(/^@/, "");
      if (domain === "") continue;
      if (DOMAIN_NAME.test(domain)) domains.push(domain);
      else context.addIssue({ code: "custom", message: `"${entry.trim()}" is not a domain name` });
    }
    return [...new Set(domains)];
  });

/** Sign-in settings of lib/env.ts: single sign-on through OpenID Connect, and whether passwords still sign in. */
export const signInEnvFields = {
  /** The OpenID Connect issuer (its discovery document is `<issuer>/.well-known/openid-configuration`). */
  TRIBUTARY_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  TRIBUTARY_OIDC_CLIENT_ID: z.string().min(1).optional(),
  TRIBUTARY_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Comma-separated email domains whose people may join through single sign-on; unset: only existing members. */
  TRIBUTARY_OIDC_ALLOWED_DOMAINS: allowedDomainsSchema,
  /** The role of a person single sign-on lets in for the first time. */
  TRIBUTARY_OIDC_DEFAULT_ROLE: z
    .enum(OIDC_PROVISIONED_ROLES, {
      error: `must be ${OIDC_PROVISIONED_ROLES.join(", ")} (never owner: ownership is transferred)`,
    })
    .default("reader"),
  /** false: members sign in only through single sign-on (which must then be configured). */
  TRIBUTARY_PASSWORD_SIGN_IN: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
};

type SignInEnv = z.infer<z.ZodObject<typeof signInEnvFields>>;

const OIDC_CONNECTION = [
  "TRIBUTARY_OIDC_ISSUER",
  "TRIBUTARY_OIDC_CLIENT_ID",
  "TRIBUTARY_OIDC_CLIENT_SECRET",
] as const;

/**
 * The settings that only make sense together: single sign-on needs its issuer, client id and secret all set, and password
 * sign-in may be turned off only when single sign-on is on (else nobody could sign in), so the app refuses to start.
 */
export function checkSignInEnv(values: SignInEnv, context: z.core.$RefinementCtx<SignInEnv>): void {
  const missing = OIDC_CONNECTION.filter((name) => values[name] === undefined);
  if (missing.length > 0 && missing.length < OIDC_CONNECTION.length) {
    context.addIssue({
      code: "custom",
      path: [missing[0] ?? ""],
      message: `single sign-on needs ${OIDC_CONNECTION.join(", ")} all set (missing: ${missing.join(", ")})`,
    });
  }
  if (!values.TRIBUTARY_PASSWORD_SIGN_IN && missing.length > 0) {
    context.addIssue({
      code: "custom",
      path: ["TRIBUTARY_PASSWORD_SIGN_IN"],
      message: "password sign-in can be turned off only when single sign-on (TRIBUTARY_OIDC_*) is configured",
    });
  }
}
