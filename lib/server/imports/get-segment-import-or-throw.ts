import "server-only";
import type { SegmentImportWithPreview } from "@/lib/schemas/segment-import";
import { pgPool } from "@/lib/server/db";
import {
  findSegmentImportOrThrow,
  type ImportLookup,
} from "@/lib/server/imports/find-segment-import-or-throw";
import { previewSegmentImport } from "@/lib/server/imports/preview-segment-import";
import { serializeSegmentImport } from "@/lib/server/imports/serialize-segment-import";

/** An import with, while it is open, what committing it would change (the UI confirms a large replace with it). */
export async function getSegmentImportOrThrow(
  lookup: Omit<ImportLookup, "forUpdate">,
): Promise<SegmentImportWithPreview> {
  const pool = pgPool();
  const row = await findSegmentImportOrThrow(pool, { ...lookup, forUpdate: false });
  const preview = row.committed_at === null ? await previewSegmentImport(pool, row) : null;
  return { ...serializeSegmentImport(row), preview };
}
