import { z } from "zod";
import {
  KEY_PATTERN,
  linkSchema,
  nameSchema,
  paginationQuerySchema,
  resourceKeySchema,
  tagSchema,
} from "@/lib/schemas/common";
import { segmentDataAgeSchema } from "@/lib/schemas/data-age";

export const SEGMENT_SORTS = [
  "creationDate",
  "-creationDate",
  "name",
  "-name",
  "lastModified",
  "-lastModified",
] as const;
export type SegmentSort = (typeof SEGMENT_SORTS)[number];

const SEGMENT_SORT_FIELDS = ["creationDate", "name", "lastModified"];

/** LaunchDarkly's `sort`: fields separated by commas, each at most once, a leading `-` sorting it descending. */
function isSegmentSortList(sort: string): boolean {
  const names = sort.split(",").map((field) => (field.startsWith("-") ? field.slice(1) : field));
  return names.every((name) => SEGMENT_SORT_FIELDS.includes(name)) && new Set(names).size === names.length;
}

export const SEMANTIC_PATCH_MEDIA_TYPE = "application/json; domain-model=launchdarkly.semanticpatch";

const MAX_TAGS = 50;

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags)];
}

/** LaunchDarkly's context kind alphabet; `kind` and `multi` are reserved by the SDKs. */
export const contextKindSchema = z
  .string()
  .min(1, "must not be empty")
  .max(256, "must be at most 256 characters")
  .regex(KEY_PATTERN, "may contain only letters, digits, '.', '_' and '-'")
  .refine((kind) => kind !== "kind" && kind !== "multi", 'must not be "kind" or "multi"');

export const segmentDescriptionSchema = z.string().max(1024, "must be at most 1024 characters").nullable();

export const segmentTagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform(uniqueTags);

/** The settings a person may edit; a patch's result is validated with this before it is written. */
export const segmentSettingsSchema = z.object({
  name: nameSchema,
  description: segmentDescriptionSchema,
  tags: segmentTagsSchema,
});
export type SegmentSettings = z.infer<typeof segmentSettingsSchema>;

export const segmentCreateSchema = z
  .object({
    key: resourceKeySchema,
    name: nameSchema,
    description: segmentDescriptionSchema.optional(),
    tags: segmentTagsSchema.optional(),
    unbounded: z.boolean().optional().meta({ description: "true for a synced (big) segment" }),
    unboundedContextKind: contextKindSchema
      .optional()
      .meta({ description: "The context kind of every member; default `user`" }),
  })
  .meta({ id: "SegmentPost" });
export type SegmentCreate = z.infer<typeof segmentCreateSchema>;

export const segmentSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string().optional().meta({ description: "Omitted when the segment has none" }),
    tags: z.array(z.string()),
    creationDate: z.number().int().meta({ description: "Epoch milliseconds" }),
    lastModifiedDate: z.number().int().meta({ description: "Epoch milliseconds" }),
    version: z
      .number()
      .int()
      .meta({ description: "Increments on every change to name, description or tags" }),
    generation: z
      .number()
      .int()
      .meta({ description: "How many times a segment with this key has been created in this environment" }),
    deleted: z.boolean(),
    unbounded: z.boolean(),
    unboundedContextKind: z.string(),
    included: z.array(z.string()).meta({
      description: "Included context keys of a list-based segment; always empty for unbounded segments",
    }),
    excluded: z.array(z.string()),
    rules: z.array(z.unknown()).meta({ description: "Always empty: Tributary has no segment rules" }),
    _external: z
      .string()
      .optional()
      .meta({ description: "The integration key of a synced segment; omitted for others" }),
    _externalLink: z.string().optional().meta({ description: "Omitted when the integration gave none" }),
    _externalName: z.string().optional().meta({
      description:
        "The cohort name the integration sent last, also while a name edited by hand overrides it; omitted when it sent none",
    }),
    _unboundedMetadata: z.object({
      includedCount: z.number().int(),
      excludedCount: z.number().int(),
      lastModified: z
        .number()
        .int()
        .optional()
        .meta({ description: "Epoch milliseconds of the last membership change; omitted before the first" }),
    }),
    _lastSync: z
      .object({ at: z.number().int(), status: z.string() })
      .nullable()
      .meta({ description: "The last sync run that touched this segment" }),
    _dataAge: segmentDataAgeSchema,
    _editedByHand: z
      .object({ name: z.boolean(), description: z.boolean(), tags: z.boolean() })
      .meta({ description: "Settings a person has edited; a sync never changes an edited name" }),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "Segment" });
export type SegmentResponse = z.infer<typeof segmentSchema>;

export const segmentListQuerySchema = paginationQuerySchema.extend({
  sort: z
    .string()
    .refine(isSegmentSortList, {
      message:
        "must be creationDate, name or lastModified, comma-separated, each at most once, `-` for descending",
    })
    .default("-creationDate")
    .meta({
      description:
        "`creationDate`, `name` or `lastModified`, several separated by commas (`-name,creationDate`); a leading `-` sorts descending",
    }),
  filter: z.string().optional().meta({
    description:
      'LaunchDarkly\'s syntax: `query equals "X"` (or a list: key, name or description contains any), `tags anyOf ["a","b"]`, `includedKeys anyOf [...]`, `excludedKeys anyOf [...]`, `unbounded equals true|false`, `external exists`, `external equals amplitude`, and Tributary\'s `synced equals true|false`, `freshness equals fresh|partial|stale|never|failed` (stale: no sync for `TRIBUTARY_STALE_AFTER_HOURS`). Values bare or JSON-quoted. `,` is AND, `|` is OR (binding tighter than `,`), parentheses group. A clause Tributary cannot evaluate is a 400 naming it.',
  }),
});
export type SegmentListQuery = z.infer<typeof segmentListQuerySchema>;

const jsonPointer = z.string().meta({ description: "A JSON Pointer, e.g. `/name`" });

export const jsonPatchOperationSchema = z
  .discriminatedUnion("op", [
    z.object({ op: z.literal("add"), path: jsonPointer, value: z.unknown() }),
    z.object({ op: z.literal("replace"), path: jsonPointer, value: z.unknown() }),
    z.object({ op: z.literal("test"), path: jsonPointer, value: z.unknown() }),
    z.object({ op: z.literal("remove"), path: jsonPointer }),
    z.object({ op: z.literal("move"), path: jsonPointer, from: jsonPointer }),
    z.object({ op: z.literal("copy"), path: jsonPointer, from: jsonPointer }),
  ])
  .meta({ id: "PatchOperation" });
export type JsonPatchOperation = z.infer<typeof jsonPatchOperationSchema>;

const jsonPatchOperations = z.array(jsonPatchOperationSchema).min(1, "must not be empty").max(1000);

/** RFC 6902: a bare array, or LaunchDarkly's `{comment, patch}` wrapper. */
export const segmentJsonPatchSchema = z
  .union([
    jsonPatchOperations,
    z.object({ comment: z.string().max(1024).optional(), patch: jsonPatchOperations }),
  ])
  .meta({
    id: "SegmentJsonPatch",
    description:
      "Paths `/name`, `/description`, `/tags`, `/tags/-`, `/tags/N`; `test /version` for optimistic locking",
  });
export type SegmentJsonPatchBody = z.infer<typeof segmentJsonPatchSchema>;

const INSTRUCTION_KINDS = ["updateName", "updateDescription", "addTags", "removeTags"] as const;

export const segmentInstructionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("updateName"), value: nameSchema }),
    z.object({ kind: z.literal("updateDescription"), value: segmentDescriptionSchema }),
    z.object({ kind: z.literal("addTags"), values: z.array(tagSchema).min(1).max(MAX_TAGS) }),
    z.object({ kind: z.literal("removeTags"), values: z.array(tagSchema).min(1).max(MAX_TAGS) }),
  ],
  { error: `unknown instruction kind; expected one of ${INSTRUCTION_KINDS.join(", ")}` },
);
export type SegmentInstruction = z.infer<typeof segmentInstructionSchema>;

export const segmentSemanticPatchSchema = z
  .object({
    comment: z.string().max(1024).optional(),
    version: z
      .number()
      .int()
      .optional()
      .meta({ description: "When given, the patch applies only to this version (409 otherwise)" }),
    instructions: z.array(segmentInstructionSchema).min(1, "must not be empty").max(100),
  })
  .meta({ id: "SegmentSemanticPatch" });
export type SegmentSemanticPatchBody = z.infer<typeof segmentSemanticPatchSchema>;

/** Either kind of segment patch, normalized. */
export type SegmentPatch =
  | { kind: "json"; comment?: string; operations: JsonPatchOperation[] }
  | { kind: "semantic"; comment?: string; version?: number; instructions: SegmentInstruction[] };

/** At most this many segments per bulk request: ten pages of the dashboard's largest list. */
const MAX_BULK_TAG_SEGMENTS = 1000;
const MAX_BULK_TAGS = 50;

export const segmentBulkTagsSchema = z
  .object({
    keys: z.array(resourceKeySchema).min(1, "name at least one segment").max(MAX_BULK_TAG_SEGMENTS),
    add: z.array(tagSchema).max(MAX_BULK_TAGS).optional(),
    remove: z.array(tagSchema).max(MAX_BULK_TAGS).optional(),
  })
  .refine((input) => (input.add?.length ?? 0) + (input.remove?.length ?? 0) > 0, {
    error: "add or remove at least one tag",
  })
  .refine((input) => !(input.add ?? []).some((tag) => (input.remove ?? []).includes(tag)), {
    error: "a tag cannot be both added and removed",
  })
  .meta({ id: "SegmentBulkTags" });
export type SegmentBulkTags = z.infer<typeof segmentBulkTagsSchema>;

export const segmentTagListSchema = z
  .object({
    items: z.array(z.string()).meta({ description: "Sorted case-insensitively" }),
    truncated: z.boolean().meta({ description: "More tags exist than the list holds" }),
  })
  .meta({ id: "SegmentTagList" });
export type SegmentTagList = z.infer<typeof segmentTagListSchema>;

export const segmentUseToolNameSchema = z
  .strictObject({ comment: z.string().max(1024).optional() })
  .meta({ id: "SegmentUseToolName" });
