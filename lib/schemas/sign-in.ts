import { z } from "zod";

/** The longest address RFC 5321 allows; members are created with no longer one (member.ts). */
export const MAX_SIGN_IN_EMAIL_LENGTH = 254;
/** Far above any real password (members' are at most 200 characters), far below what would make hashing costly. */
export const MAX_SIGN_IN_PASSWORD_LENGTH = 1024;

/** The sign-in form's fields; anything else (missing, not text, too long) is a failed sign-in before any lookup. */
export const signInCredentialsSchema = z.object({
  // U+0000 cannot be stored in PostgreSQL text (the throttle row is keyed by the email).
  email: z
    .string()
    .trim()
    .min(1)
    .max(MAX_SIGN_IN_EMAIL_LENGTH)
    .refine((email) => !email.includes("\u0000") && email.isWellFormed()),
  password: z.string().min(1).max(MAX_SIGN_IN_PASSWORD_LENGTH),
});
