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

export const memberCreateSchema = z
  .object({
    email: z
      .email("must be an email address")
      .max(MAX_SIGN_IN_EMAIL_LENGTH, `must be at most ${MAX_SIGN_IN_EMAIL_LENGTH} characters`)
      .transform((email) => email.toLowerCase()),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "must be at most 200 characters"),
    role: memberRoleSchema
      .exclude(["owner"], {
        error: 'must be reader, writer, admin or no_access; "owner" is given by transfer',
      })
      .meta({ description: "The owner is made by transferring ownership (PATCH /role), not on creation" }),
    customRoleKeys: customRoleKeysSchema.optional(),
    firstName: personNameSchema.optional(),
    lastName: personNameSchema.optional(),
  })
  .meta({ id: "MemberPost" });
export type MemberCreate = z.infer<typeof memberCreateSchema>;

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
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    role: memberRoleSchema,
    customRoleKeys: z.array(z.string()),
    creationDate: z.number().int().meta({ description: "Epoch milliseconds" }),
    _lastSeen: z.number().int().nullable().meta({ description: "Epoch milliseconds of the last sign-in" }),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "Member" });
export type MemberResponse = z.infer<typeof memberSchema>;

export const memberCollectionSchema = collectionSchema(memberSchema);

export const memberListQuerySchema = paginationQuerySchema;
