import { z } from "zod";
import { memberSchema, memberInviteListSchema } from "@/lib/schemas/member";
import { MAX_SIGN_IN_PASSWORD_LENGTH } from "@/lib/schemas/sign-in";

/** How long an invite link works after it is issued. */
export const INVITE_LINK_TTL_DAYS = 7;
/** How long a password reset link works after it is issued. */
export const RESET_LINK_TTL_HOURS = 24;
/** The shortest password a member may set for themselves (invite, reset, change). */
export const MIN_OWN_PASSWORD_LENGTH = 12;
/** Random bytes in a link's secret; the link carries them base64url-encoded (43 characters). */
export const LINK_SECRET_BYTES = 32;
/** The secret as a link carries it: anything else cannot be a link's and is answered as an unknown link. */
export const LINK_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const PASSWORD_LINK_KINDS = ["invite", "reset"] as const;
export type PasswordLinkKind = (typeof PASSWORD_LINK_KINDS)[number];

/** What the invite and reset pages show for any link that cannot be used (unknown, used, revoked or expired). */
export const INVALID_LINK_MESSAGE = "This link is not valid";

/** One invite from the dashboard: LaunchDarkly's invite form, never with a password (the invitee sets it). */
export const inviteCreateSchema = memberInviteListSchema.element
  .omit({ password: true })
  .strict()
  .meta({ id: "InvitePost" });
export type InviteCreate = z.infer<typeof inviteCreateSchema>;

/** A link as it is handed out: once, to whoever issued it. */
export const passwordLinkIssuedSchema = z
  .object({
    memberId: z.string(),
    email: z.string(),
    kind: z.enum(PASSWORD_LINK_KINDS),
    url: z.string().meta({ description: "The one-time link; shown only in this answer" }),
    expiresAt: z.number().int().meta({ description: "Epoch milliseconds" }),
    emailed: z
      .boolean()
      .meta({ description: "Whether the link was sent by email (SMTP configured and accepted)" }),
  })
  .meta({ id: "PasswordLinkIssued" });
export type PasswordLinkIssued = z.infer<typeof passwordLinkIssuedSchema>;

export const inviteCreatedSchema = z
  .object({ member: memberSchema, link: passwordLinkIssuedSchema })
  .meta({ id: "InviteCreated" });
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;

/** A live or expired link as lists show it: never its secret. */
export const passwordLinkSchema = z
  .object({
    memberId: z.string(),
    email: z.string(),
    kind: z.enum(PASSWORD_LINK_KINDS),
    createdAt: z.number().int().meta({ description: "Epoch milliseconds" }),
    expiresAt: z.number().int().meta({ description: "Epoch milliseconds; a link past it no longer works" }),
  })
  .meta({ id: "PasswordLink" });
export type PasswordLinkResponse = z.infer<typeof passwordLinkSchema>;

export const passwordLinkListSchema = z
  .object({ items: z.array(passwordLinkSchema) })
  .meta({ id: "PasswordLinks" });
export type PasswordLinkList = z.infer<typeof passwordLinkListSchema>;

const newPasswordSchema = z
  .string()
  .min(MIN_OWN_PASSWORD_LENGTH, `must be at least ${MIN_OWN_PASSWORD_LENGTH} characters`)
  .max(MAX_SIGN_IN_PASSWORD_LENGTH, `must be at most ${MAX_SIGN_IN_PASSWORD_LENGTH} characters`)
  .refine((password) => !password.includes("\u0000") && password.isWellFormed(), "must be text");

/** The public form behind an invite or reset link. */
export const passwordLinkRedeemSchema = z
  .object({
    secret: z.string().max(64),
    password: newPasswordSchema,
  })
  .strict()
  .meta({ id: "PasswordLinkRedeem" });
export type PasswordLinkRedeem = z.infer<typeof passwordLinkRedeemSchema>;

export const passwordLinkRedeemedSchema = z
  .object({ email: z.string().meta({ description: "The member's email, to sign in with" }) })
  .meta({ id: "PasswordLinkRedeemed" });

/** A signed-in member's own password change. */
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "is required").max(MAX_SIGN_IN_PASSWORD_LENGTH),
    newPassword: newPasswordSchema,
  })
  .strict()
  .meta({ id: "PasswordChange" });
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
