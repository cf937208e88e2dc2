import { z } from "zod";
import { MAX_SIGN_IN_EMAIL_LENGTH } from "@/lib/schemas/sign-in";

/** OpenID Connect limits a subject to 255 ASCII characters. */
const MAX_OIDC_SUBJECT_LENGTH = 255;
/** As a member's first and last name (lib/schemas/member.ts). */
const MAX_OIDC_NAME_LENGTH = 256;

const storableText = (text: string) => !text.includes("\u0000") && text.isWellFormed();

// What does not fit is dropped, never an error: the identity provider's profile is not ours to reject.
const optionalName = z
  .string()
  .trim()
  .min(1)
  .max(MAX_OIDC_NAME_LENGTH)
  .refine(storableText)
  .nullable()
  .catch(null);

const oidcClaimsSchema = z.object({
  sub: z.string().min(1).max(MAX_OIDC_SUBJECT_LENGTH),
  email: z
    .email()
    .max(MAX_SIGN_IN_EMAIL_LENGTH)
    .transform((email) => email.toLowerCase())
    .nullable()
    .catch(null),
  // Only the boolean true verifies; "true" as text or anything else does not.
  email_verified: z
    .unknown()
    .optional()
    .transform((value) => value === true),
  given_name: optionalName,
  family_name: optionalName,
});

export type OidcClaims = {
  subject: string;
  /** Lowercase, or null when the provider sent none or one that is no email address. */
  email: string | null;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
};

/** The claims single sign-on reads from what the identity provider says about a person; throws without a subject. */
export function readOidcClaims(claims: unknown): OidcClaims {
  const parsed = oidcClaimsSchema.parse(claims);
  return {
    subject: parsed.sub,
    email: parsed.email,
    emailVerified: parsed.email_verified,
    firstName: parsed.given_name,
    lastName: parsed.family_name,
  };
}
