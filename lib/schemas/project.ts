import { z } from "zod";
import {
  collectionSchema,
  linkSchema,
  nameSchema,
  paginationQuerySchema,
  resourceKeySchema,
  tagSchema,
} from "@/lib/schemas/common";
import { environmentCreateSchema, environmentSchema } from "@/lib/schemas/environment";
import { MAX_PROJECT_FILTER_LENGTH, parseProjectFilter, PROJECT_SORTS } from "@/lib/schemas/project-filter";

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

/** Refuses a list parameter LaunchDarkly offers but Tributary does not apply, rather than silently ignoring it. */
function notApplied(what: string) {
  return z
    .string()
    .refine((value) => value.trim() === "", `${what} is not supported here; leave it out`)
    .optional()
    .meta({ description: `Not supported: ${what} is refused (400) rather than ignored` });
}

/**
 * The project list: LaunchDarkly's `filter` (`query:`, `tags:`, `keys:`) and `sort` (`name`, `createdOn`, `-` for
 * descending); `expand` is accepted (environments always come along).
 */
export const projectListQuerySchema = paginationQuerySchema.extend({
  filter: z
    .string()
    .max(MAX_PROJECT_FILTER_LENGTH)
    .refine(
      (text) => parseProjectFilter(text) !== null,
      "must be comma-separated query:<text>, tags:<tag>+<tag> or keys:<key>|<key>",
    )
    .optional()
    .meta({
      description:
        "`query:<text>` (name or key contains it, any case), `tags:<a>+<b>` (all of them), `keys:<a>|<b>` (any of them), comma-separated",
    }),
  sort: z
    .enum(PROJECT_SORTS)
    .optional()
    .meta({ description: "`name` or `createdOn`, a leading `-` for descending; default creation order" }),
  expand: z
    .string()
    .optional()
    .meta({ description: "Accepted and ignored: environments are always included" }),
});

/** The environment list: short and always in creation order, so a `filter` or `sort` is refused rather than ignored. */
export const environmentListQuerySchema = paginationQuerySchema.extend({
  filter: notApplied("filtering"),
  sort: notApplied("sorting"),
  expand: projectListQuerySchema.shape.expand,
});
