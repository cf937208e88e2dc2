import { z } from "zod";
import { collectionSchema, linkSchema, nameSchema, resourceKeySchema, tagSchema } from "@/lib/schemas/common";
import { environmentCreateSchema, environmentSchema } from "@/lib/schemas/environment";

/** Keys that would shadow dashboard routes. */
export const RESERVED_PROJECT_KEYS = ["projects", "settings", "docs", "api", "login", "activity"] as const;

export const projectCreateSchema = z
  .object({
    key: resourceKeySchema.refine(
      (key) => !(RESERVED_PROJECT_KEYS as readonly string[]).includes(key),
      "is reserved; choose another key",
    ),
    name: nameSchema,
    tags: z.array(tagSchema).max(50).optional(),
    environments: z
      .array(environmentCreateSchema)
      .max(50)
      .optional()
      .meta({ description: "Environments to create; when omitted, `production` and `test` are created" }),
  })
  .meta({ id: "ProjectPost" });
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const projectSchema = z
  .object({
    _id: z.string(),
    key: z.string(),
    name: z.string(),
    tags: z.array(z.string()),
    creationDate: z.number().int(),
    includeInSnippetByDefault: z
      .boolean()
      .meta({ description: "Always false: Tributary serves no client-side SDK snippet" }),
    environments: collectionSchema(environmentSchema),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "Project" });
export type ProjectResponse = z.infer<typeof projectSchema>;

/** What creating a project answers, as LaunchDarkly does: the environments as a plain array, not a collection. */
export const projectRepSchema = projectSchema
  .extend({ environments: z.array(environmentSchema) })
  .meta({ id: "ProjectRep" });
export type ProjectRepResponse = z.infer<typeof projectRepSchema>;
