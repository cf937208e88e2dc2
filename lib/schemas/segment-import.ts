import { z } from "zod";
import { contextKeySchema } from "@/lib/schemas/membership";

export const IMPORT_MODES = ["merge", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Keys per chunk upload. */
export const MAX_IMPORT_CHUNK_KEYS = 10_000;
/** Distinct keys per import: the commit applies them in one transaction. */
export const MAX_IMPORT_KEYS = 1_000_000;
/** Imports (open or committed) are forgotten after this long. */
export const IMPORT_TTL_HOURS = 24;

/** A replace that removes more than half of the current members must be confirmed. */
export function replaceNeedsConfirmation(toRemove: number, currentCount: number): boolean {
  return toRemove * 2 > currentCount;
}

export const importCreateSchema = z
  .object({
    mode: z.enum(IMPORT_MODES).meta({
      description: "`merge` adds the file's keys; `replace` makes the file's keys the segment's members",
    }),
  })
  .meta({ id: "SegmentImportPost" });
export type ImportCreate = z.infer<typeof importCreateSchema>;

export const importChunkSchema = z
  .object({
    keys: z
      .array(contextKeySchema)
      .min(1, "a chunk needs at least one key")
      .max(MAX_IMPORT_CHUNK_KEYS, `a chunk holds at most ${MAX_IMPORT_CHUNK_KEYS} keys`),
  })
  .meta({ id: "SegmentImportChunk" });
export type ImportChunk = z.infer<typeof importChunkSchema>;

export const importCommitSchema = z
  .object({
    confirm: z
      .boolean()
      .optional()
      .meta({ description: "Required for a replace that removes more than half of the current members" }),
  })
  .meta({ id: "SegmentImportCommit" });
export type ImportCommit = z.infer<typeof importCommitSchema>;

export const importPreviewSchema = z
  .object({
    currentCount: z.number().int(),
    toAdd: z.number().int(),
    toRemove: z.number().int(),
    unchanged: z.number().int(),
    needsConfirmation: z
      .boolean()
      .meta({ description: "A replace that removes more than half of the current members" }),
  })
  .meta({ id: "SegmentImportPreview" });
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const segmentImportSchema = z
  .object({
    _id: z.string(),
    mode: z.enum(IMPORT_MODES),
    status: z.enum(["open", "committed"]),
    received: z.number().int().meta({ description: "Keys uploaded so far, duplicates included" }),
    staged: z.number().int().meta({ description: "Distinct keys uploaded so far" }),
    createdAt: z.number().int(),
    syncRunId: z.string().nullable(),
  })
  .meta({ id: "SegmentImport" });
export type SegmentImportResponse = z.infer<typeof segmentImportSchema>;

export const segmentImportWithPreviewSchema = segmentImportSchema
  .extend({ preview: importPreviewSchema.nullable() })
  .meta({ id: "SegmentImportWithPreview" });
export type SegmentImportWithPreview = z.infer<typeof segmentImportWithPreviewSchema>;

export const importSummarySchema = z
  .object({
    syncRunId: z.string(),
    status: z.enum(["succeeded", "partially_applied"]),
    received: z.number().int(),
    added: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    includedCount: z.number().int(),
  })
  .meta({ id: "SegmentImportSummary" });
export type ImportSummary = z.infer<typeof importSummarySchema>;
