import "server-only";
import { countImportPreviewStatement } from "@/lib/server/imports/count-import-preview-statement";
import type { PoolClient } from "pg";
import { replaceNeedsConfirmation, type ImportPreview } from "@/lib/schemas/segment-import";
import { ApiError } from "@/lib/server/api/errors";
import type { SegmentImportRow } from "@/lib/server/imports/serialize-segment-import";

/**
 * What committing an open import would do now: one pass over the staged keys, each probing the members' primary key;
 * the current count is the segment's counter.
 */
export async function previewSegmentImport(
  client: Pick<PoolClient, "query">,
  row: SegmentImportRow,
): Promise<ImportPreview> {
  const result = await client.query<{ current_count: number; unchanged: number }>(
    countImportPreviewStatement.query({ importId: row.id, segmentId: row.segment_id }),
  );
  const counts = result.rows[0];
  if (counts === undefined) throw new ApiError("not_found", "The segment of this import was deleted");
  const toRemove = row.mode === "replace" ? counts.current_count - counts.unchanged : 0;
  return {
    currentCount: counts.current_count,
    toAdd: row.staged - counts.unchanged,
    toRemove,
    unchanged: counts.unchanged,
    needsConfirmation: row.mode === "replace" && replaceNeedsConfirmation(toRemove, counts.current_count),
  };
}
