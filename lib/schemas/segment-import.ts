import { z } from "zod";
import { skippedMemberSchema } from "@/lib/schemas/sync-run";

export const IMPORT_MODES = ["merge", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Keys per chunk upload. */
export const MAX_IMPORT_CHUNK_KEYS = 10_000;
/** Distinct keys per import: the commit applies them in one transaction. */
export const MAX_IMPORT_KEYS = 1_000_000;
/** Rows skipped as invalid keys per import: a file with more is most likely not a list of context keys at all. */
export const MAX_IMPORT_SKIPPED_ROWS = 10_000;
/** Skipped rows listed in a commit's summary (all of them are counted), as many as a sync run lists. */
export const IMPORT_SUMMARY_SKIPPED_ROWS = 100;
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
      .array(z.string())
      .min(1, "a chunk needs at least one key")
      .max(MAX_IMPORT_CHUNK_KEYS, `a chunk holds at most ${MAX_IMPORT_CHUNK_KEYS} keys`)
      .meta({
        description:
          "A key that is not a valid context key (empty, over 512 characters, control characters, unpaired surrogates) is skipped and counted, not refused, as a partner sync skips a bad member id",
      }),
    lines: z.array(z.number().int().min(1)).optional().meta({
      description:
        "Each key's line in the uploaded file (1-based, header counted), reported with the keys that are skipped; without it, a key's position is its 1-based place among all keys sent to the import",
    }),
  })
  .refine((chunk) => chunk.lines === undefined || chunk.lines.length === chunk.keys.length, {
    message: "lines must hold one line number per key",
    path: ["lines"],
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
    skipped: z.number().int().meta({ description: "Keys skipped so far as not valid context keys" }),
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
    skippedRows: z.array(skippedMemberSchema).meta({
      description: `The first ${IMPORT_SUMMARY_SKIPPED_ROWS} skipped keys, each with its reason and position (its line in the file)`,
    }),
    includedCount: z.number().int(),
  })
  .meta({ id: "SegmentImportSummary" });
export type ImportSummary = z.infer<typeof importSummarySchema>;
