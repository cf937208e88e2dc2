import "server-only";
import { updateImportCountsStatement } from "@/lib/server/imports/update-import-counts-statement";
import { insertImportKeysStatement } from "@/lib/server/imports/insert-import-keys-statement";
import {
  MAX_IMPORT_KEYS,
  MAX_IMPORT_SKIPPED_ROWS,
  type SegmentImportResponse,
} from "@/lib/schemas/segment-import";
import { ApiError } from "@/lib/server/api/errors";
import {
  findSegmentImportOrThrow,
  type ImportLookup,
} from "@/lib/server/imports/find-segment-import-or-throw";
import { serializeSegmentImport, type SegmentImportRow } from "@/lib/server/imports/serialize-segment-import";
import { splitImportChunk } from "@/lib/server/imports/split-import-chunk";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";

/**
 * Stages one chunk of an open import's keys. A key that is not a valid context key is skipped and kept (reason and
 * line) for the sync run, as a partner sync skips a bad member id. Duplicates, within the chunk or with earlier chunks,
 * are staged once; `received` counts every key sent. All or nothing: a refused chunk stages none of its keys.
 */
export async function addImportChunk(
  lookup: Omit<ImportLookup, "forUpdate">,
  chunk: { keys: readonly string[]; lines?: readonly number[] },
): Promise<SegmentImportResponse> {
  return runSqlTransaction(async (client) => {
    const row = await findSegmentImportOrThrow(client, { ...lookup, forUpdate: true });
    if (row.committed_at !== null) {
      throw new ApiError("conflict", `Import "${row.id}" was already committed; start a new import`);
    }
    const { valid: keys, skipped } = splitImportChunk(chunk.keys, chunk.lines, row.received);
    const skippedCount = row.skipped + skipped.length;
    if (skippedCount > MAX_IMPORT_SKIPPED_ROWS) {
      throw new ApiError(
        "invalid_request",
        `An import skips at most ${MAX_IMPORT_SKIPPED_ROWS.toLocaleString("en-US")} rows that are not valid context keys; this chunk would make it ${skippedCount.toLocaleString("en-US")}. Is the first column the context keys?`,
      );
    }
    const inserted = await client.query(
      insertImportKeysStatement.query({ importId: row.id, contextKeys: keys }),
    );
    const staged = row.staged + (inserted.rowCount ?? 0);
    if (staged > MAX_IMPORT_KEYS) {
      throw new ApiError(
        "payload_too_large",
        `An import holds at most ${MAX_IMPORT_KEYS.toLocaleString("en-US")} distinct keys; this chunk would make it ${staged.toLocaleString("en-US")}`,
      );
    }
    const updated = await client.query<SegmentImportRow>(
      updateImportCountsStatement.query({
        importId: row.id,
        received: chunk.keys.length,
        staged,
        skipped: skippedCount,
        skippedRowsJson: JSON.stringify(skipped),
      }),
    );
    const result = updated.rows[0];
    if (result === undefined) throw new Error(`import ${row.id} vanished under its own lock`);
    return serializeSegmentImport(result);
  });
}
