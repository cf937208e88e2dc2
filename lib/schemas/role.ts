import { z } from "zod";
import {
  collectionSchema,
  linkSchema,
  nameSchema,
  paginationQuerySchema,
  resourceKeySchema,
} from "@/lib/schemas/common";
import { policySchema } from "@/lib/schemas/policy";

/** Built-in role names: a custom role with one of these keys would read like the built-in role it is not. */
const RESERVED_ROLE_KEYS: readonly string[] = ["reader", "writer", "admin", "owner", "no_access"];

export const roleKeySchema = resourceKeySchema.refine(
  (key) => !RESERVED_ROLE_KEYS.includes(key),
  "is the name of a built-in role; choose another key",
);

export const roleDescriptionSchema = z.string().max(1024, "must be at most 1024 characters").nullable();

export const roleCreateSchema = z
  .object({
    key: roleKeySchema,
    name: nameSchema,
    description: roleDescriptionSchema.optional(),
    policy: policySchema.meta({ description: "Policy statements (docs/policies.md)" }),
  })
  .meta({ id: "CustomRolePost" });
export type RoleCreate = z.infer<typeof roleCreateSchema>;

/** What a role PATCH may change, validated after the patch is applied. */
export const roleSettingsSchema = z.object({
  name: nameSchema,
  description: roleDescriptionSchema,
  policy: policySchema,
});
export type RoleSettings = z.infer<typeof roleSettingsSchema>;

export const roleSchema = z
  .object({
    _id: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    policy: policySchema,
    creationDate: z.number().int().meta({ description: "Epoch milliseconds" }),
    lastModified: z.number().int().meta({ description: "Epoch milliseconds" }),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "CustomRole" });
export type RoleResponse = z.infer<typeof roleSchema>;

export const roleCollectionSchema = collectionSchema(roleSchema);

export const roleListQuerySchema = paginationQuerySchema;
