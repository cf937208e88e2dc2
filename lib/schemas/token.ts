import { z } from "zod";
import {
  collectionSchema,
  linkSchema,
  nameSchema,
  paginationQuerySchema,
  resourceKeySchema,
} from "@/lib/schemas/common";
import { policySchema } from "@/lib/schemas/policy";
import { jsonPatchOperationSchema } from "@/lib/schemas/segment";

/** The built-in roles a token may carry (api-contract §5); `owner` and `no_access` are member roles only. */
export const TOKEN_ROLES = ["reader", "writer", "admin"] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const tokenRoleSchema = z.enum(TOKEN_ROLES, { error: `must be one of ${TOKEN_ROLES.join(", ")}` });

/** The latest instant a JavaScript Date can hold (year 275760); a later time is a 400, not a failed write. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;

export const tokenDescriptionSchema = z.string().max(1024, "must be at most 1024 characters").nullable();

const customRoleKeysSchema = z
  .array(resourceKeySchema)
  .max(50, "at most 50 custom roles")
  .transform((keys) => [...new Set(keys)]);

export const tokenCreateSchema = z
  .object({
    name: nameSchema,
    description: tokenDescriptionSchema.optional(),
    role: tokenRoleSchema
      .optional()
      .meta({ description: "A built-in role; `reader` when no role of any kind is given" }),
    customRoleIds: customRoleKeysSchema
      .optional()
      .meta({ description: "Keys of custom roles; an unknown key is a 400" }),
    inlineRole: policySchema.optional().meta({ description: "Policy statements used in place of a role" }),
    serviceToken: z
      .boolean()
      .optional()
      .meta({ description: "A service token is not tied to its creator's access; default false (personal)" }),
    expiresAt: z
      .number({ error: "must be epoch milliseconds" })
      .int("must be epoch milliseconds")
      .max(MAX_EPOCH_MS, "must be epoch milliseconds of a valid date")
      .optional()
      .meta({ description: "Epoch milliseconds after which the token stops working" }),
  })
  .meta({ id: "AccessTokenPost" });
export type TokenCreate = z.infer<typeof tokenCreateSchema>;

/** What a token PATCH may change, validated after the patch is applied. */
export const tokenSettingsSchema = z.object({
  name: nameSchema,
  description: tokenDescriptionSchema,
  role: tokenRoleSchema.nullable(),
  customRoleIds: customRoleKeysSchema,
  inlineRole: policySchema.nullable(),
});
export type TokenSettings = z.infer<typeof tokenSettingsSchema>;

export const tokenSchema = z
  .object({
    _id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    creationDate: z.number().int().meta({ description: "Epoch milliseconds" }),
    lastModified: z.number().int().meta({ description: "Epoch milliseconds" }),
    role: z
      .string()
      .optional()
      .meta({ description: "The built-in role; absent with custom roles or an inline policy" }),
    customRoleIds: z.array(z.string()).meta({ description: "Keys of the token's custom roles" }),
    inlineRole: policySchema.optional(),
    serviceToken: z.boolean(),
    token: z.string().meta({
      description:
        "The full value only in the answers to create and reset; otherwise only its last four characters",
    }),
    lastUsed: z
      .number()
      .int()
      .optional()
      .meta({ description: "Epoch milliseconds, updated at most once a minute; absent when never used" }),
    expiresAt: z
      .number()
      .int()
      .optional()
      .meta({ description: "Epoch milliseconds; absent when it never expires" }),
    ownerId: z.string(),
    memberId: z.string(),
    _member: z.object({
      _id: z.string(),
      email: z.string(),
      role: z.string(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      _links: z.object({ self: linkSchema }),
    }),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "AccessToken" });
export type TokenResponse = z.infer<typeof tokenSchema>;

export const tokenCollectionSchema = collectionSchema(tokenSchema);

/** The token list's orders; a leading `-` is descending, and a token without the date sorts last either way. */
export const TOKEN_SORTS = [
  "creationDate",
  "-creationDate",
  "name",
  "-name",
  "lastUsed",
  "-lastUsed",
  "expiresAt",
  "-expiresAt",
] as const;
export type TokenSort = (typeof TOKEN_SORTS)[number];

/** Limits of the token list's search and expiry filter. */
export const TOKEN_SEARCH_MAX_LENGTH = 256;
export const TOKEN_EXPIRING_MAX_DAYS = 3650;

const booleanParameter = z
  .enum(["true", "false"], { error: 'must be "true" or "false"' })
  .optional()
  .transform((value) => value === "true");

export const tokenListQuerySchema = paginationQuerySchema.extend({
  showAll: booleanParameter.meta({
    description: "Admins and the owner: also every member's personal tokens (ignored for others)",
  }),
  q: z
    .string()
    .trim()
    .max(TOKEN_SEARCH_MAX_LENGTH, `must be at most ${TOKEN_SEARCH_MAX_LENGTH} characters`)
    .optional()
    .meta({
      description:
        "Tributary: case-insensitive text searched in the name, the last four characters of the value, and the owner's email and name",
    }),
  type: z
    .enum(["service", "personal"], { error: 'must be "service" or "personal"' })
    .optional()
    .meta({ description: "Tributary: only service tokens, or only personal ones" }),
  expiringWithinDays: z.coerce
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(TOKEN_EXPIRING_MAX_DAYS, `must be at most ${TOKEN_EXPIRING_MAX_DAYS}`)
    .optional()
    .meta({
      description: "Tributary: only tokens that expire within this many days from now (or have expired)",
    }),
  unused: booleanParameter.meta({ description: "Tributary: `true` lists only tokens never used" }),
  sort: z
    .enum(TOKEN_SORTS, { error: `must be one of ${TOKEN_SORTS.join(", ")}` })
    .default("creationDate")
    .meta({
      description:
        "Tributary: `creationDate` (default), `name`, `lastUsed` or `expiresAt`; a leading `-` sorts descending; tokens never used or never expiring sort last",
    }),
});
export type TokenListQuery = z.infer<typeof tokenListQuerySchema>;

export const tokenResetQuerySchema = z.object({
  expiry: z.coerce
    .number({ error: "must be epoch milliseconds" })
    .int("must be epoch milliseconds")
    .min(0, "must be epoch milliseconds")
    .max(MAX_EPOCH_MS, "must be epoch milliseconds of a valid date")
    .optional()
    .meta({
      description:
        "Epoch milliseconds until which the old value keeps working; default now. At most TRIBUTARY_TOKEN_MAX_GRACE_HOURS (default 168) from now",
    }),
});

const jsonPatchOperations = z.array(jsonPatchOperationSchema).min(1, "must not be empty").max(1000);

/** RFC 6902: a bare array, or LaunchDarkly's `{comment, patch}` wrapper. Shared by tokens, roles and members. */
export const jsonPatchRequestSchema = z
  .union([
    jsonPatchOperations,
    z.object({ comment: z.string().max(1024).optional(), patch: jsonPatchOperations }),
  ])
  .meta({ id: "JsonPatch" });
export type JsonPatchRequest = z.infer<typeof jsonPatchRequestSchema>;
