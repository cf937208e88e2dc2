import { z } from "zod";
import { collectionSchema, linkSchema, paginationQuerySchema, resourceKeySchema } from "@/lib/schemas/common";
import { MAX_SIGN_IN_EMAIL_LENGTH } from "@/lib/schemas/sign-in";

export const MEMBER_ROLES = ["reader", "writer", "admin", "owner", "no_access"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const memberRoleSchema = z.enum(MEMBER_ROLES, { error: `must be one of ${MEMBER_ROLES.join(", ")}` });

const personNameSchema = z.string().trim().max(256, "must be at most 256 characters").nullable();

const customRoleKeysSchema = z
  .array(resourceKeySchema)
  .max(50, "at most 50 custom roles")
  .transform((keys) => [...new Set(keys)]);

export const MIN_PASSWORD_LENGTH = 10;

/** How many members one `POST /api/v2/members` may invite (LaunchDarkly takes a list). */
export const MAX_MEMBERS_PER_CREATE = 50;

const memberEmailSchema = z
  .email("must be an email address")
  .max(MAX_SIGN_IN_EMAIL_LENGTH, `must be at most ${MAX_SIGN_IN_EMAIL_LENGTH} characters`)
  .transform((email) => email.toLowerCase());

const memberPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "must be at most 200 characters");

const creatableRoleSchema = memberRoleSchema
  .exclude(["owner"], {
    error: 'must be reader, writer, admin or no_access; "owner" is given by transfer',
  })
  .meta({ description: "The owner is made by transferring ownership (PATCH /role), not on creation" });

const customRolesField = customRoleKeysSchema
  .optional()
  .meta({ description: "Keys (or `_id`s) of custom roles; LaunchDarkly's name for `customRoleKeys`" });

/** The dashboard's form: one member with the password the creator sets. */
export const memberCreateSchema = z
  .object({
    email: memberEmailSchema,
    password: memberPasswordSchema,
    role: creatableRoleSchema,
    customRoleKeys: customRoleKeysSchema.optional(),
    customRoles: customRolesField,
    firstName: personNameSchema.optional(),
    lastName: personNameSchema.optional(),
  })
  .meta({ id: "MemberPost" });
export type MemberCreate = z.infer<typeof memberCreateSchema>;

/**
 * LaunchDarkly's `NewMemberForm` list: invites. Without a password the member is a pending invite (`_pendingInvite`) who
 * cannot sign in until a password is set; the role defaults to `reader`.
 */
export const memberInviteListSchema = z
  .array(
    z
      .object({
        email: memberEmailSchema,
        password: memberPasswordSchema.optional(),
        role: creatableRoleSchema.default("reader"),
        customRoles: customRolesField,
        customRoleKeys: customRoleKeysSchema.optional(),
        firstName: personNameSchema.optional(),
        lastName: personNameSchema.optional(),
      })
      .meta({ id: "NewMemberForm" }),
  )
  .min(1, "must invite at least one member")
  .max(MAX_MEMBERS_PER_CREATE, `at most ${MAX_MEMBERS_PER_CREATE} members per request`);
export type MemberInvite = z.infer<typeof memberInviteListSchema>[number];

/** What creating one member needs, from either form; no password makes a pending invite. */
export type MemberToCreate = {
  email: string;
  password?: string;
  role: Exclude<MemberRole, "owner">;
  customRoleKeys: string[];
  firstName?: string | null;
  lastName?: string | null;
};

export function toMemberToCreate(input: MemberCreate | MemberInvite): MemberToCreate {
  return {
    email: input.email,
    password: input.password,
    role: input.role,
    customRoleKeys: [...new Set([...(input.customRoleKeys ?? []), ...(input.customRoles ?? [])])],
    firstName: input.firstName,
    lastName: input.lastName,
  };
}

/** What a member PATCH may change, validated after the patch is applied. */
export const memberSettingsSchema = z.object({
  role: memberRoleSchema,
  customRoleKeys: customRoleKeysSchema,
  firstName: personNameSchema,
  lastName: personNameSchema,
});
export type MemberSettings = z.infer<typeof memberSettingsSchema>;

export const memberSchema = z
  .object({
    _id: z.string(),
    email: z.string(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    role: memberRoleSchema,
    customRoles: z.array(z.string()).meta({ description: "Keys of the member's custom roles" }),
    customRoleKeys: z
      .array(z.string())
      .meta({ description: "The same as `customRoles` (Tributary's earlier name)" }),
    _pendingInvite: z
      .boolean()
      .meta({ description: "Invited through the API without a password: cannot sign in until one is set" }),
    _verified: z.boolean().meta({ description: "Not a pending invite" }),
    mfa: z.enum(["disabled"]).meta({ description: "Tributary has no multi-factor sign-in" }),
    creationDate: z.number().int().meta({ description: "Epoch milliseconds" }),
    _lastSeen: z.number().int().meta({ description: "Epoch milliseconds of the last sign-in; 0 if never" }),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "Member" });
export type MemberResponse = z.infer<typeof memberSchema>;

export const memberCollectionSchema = collectionSchema(memberSchema);

/** The longest `filter` of `GET /api/v2/members`. */
export const MAX_MEMBER_FILTER_LENGTH = 512;

export type MemberFilter = { query?: string; roles?: MemberRole[] };

/**
 * LaunchDarkly's member filter, `field:value` clauses joined by `,`: `query:` (text in the email or names, any case) and
 * `role:` (built-in roles joined by `|`). Other fields of LaunchDarkly's are refused rather than ignored.
 */
const memberFilterSchema = z
  .string()
  .max(MAX_MEMBER_FILTER_LENGTH, `must be at most ${MAX_MEMBER_FILTER_LENGTH} characters`)
  .transform((text, context): MemberFilter => {
    const filter: MemberFilter = {};
    for (const clause of text.split(",").filter((part) => part.trim() !== "")) {
      const separator = clause.indexOf(":");
      const field = (separator === -1 ? clause : clause.slice(0, separator)).trim();
      const value = separator === -1 ? "" : clause.slice(separator + 1).trim();
      if (field === "query") filter.query = value;
      else if (field === "role") {
        const roles = value.split("|").map((role) => memberRoleSchema.safeParse(role.trim()));
        if (roles.some((role) => !role.success)) {
          context.addIssue({
            code: "custom",
            message: `role: must be ${MEMBER_ROLES.join(", ")} joined by |`,
          });
          return z.NEVER;
        }
        filter.roles = roles.flatMap((role) => (role.success ? [role.data] : []));
      } else {
        context.addIssue({
          code: "custom",
          message: `unsupported field "${field.slice(0, 32)}": use query or role`,
        });
        return z.NEVER;
      }
    }
    return filter;
  });

export const memberListQuerySchema = paginationQuerySchema.extend({
  filter: memberFilterSchema.optional().meta({
    description: "`query:<text>` (email or name, any case) and `role:<role>|<role>`, joined by `,`",
  }),
});
