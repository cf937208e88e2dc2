import "server-only";
import { MAX_IMPORT_KEYS, type SegmentImportResponse } from "@/lib/schemas/segment-import";
import { ApiError } from "@/lib/server/api/errors";
import {
  findSegmentImportOrThrow,
  type ImportLookup,
} from "@/lib/server/imports/find-segment-import-or-throw";
import { serializeSegmentImport, type SegmentImportRow } from "@/lib/server/imports/serialize-segment-import";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";

/**
 * Stages one chunk of an open import's keys (already validated). Duplicates, within the chunk or with earlier chunks,
 * are staged once; `received` counts every key sent. All or nothing: a refused chunk stages none of its keys.
 */
export async function addImportChunk(
  lookup: Omit<ImportLookup, "forUpdate">,
  keys: readonly string[],
): Promise<SegmentImportResponse> {
  return runSqlTransaction(async (client) => {
    const row = await findSegmentImportOrThrow(client, { ...lookup, forUpdate: true });
    if (row.committed_at !== null) {
      throw new ApiError("conflict", `Import "${row.id}" was already committed; start a new import`);
    }
    const inserted = await client.query(
      `INSERT INTO segment_import_key (import_id, context_key)
       SELECT $1, k FROM unnest($2::text[]) AS k ORDER BY k COLLATE "C"
       ON CONFLICT DO NOTHING`,
      [row.id, keys],
    );
    const staged = row.staged + (inserted.rowCount ?? 0);
    if (staged > MAX_IMPORT_KEYS) {
      throw new ApiError(
        "payload_too_large",
        `An import holds at most ${MAX_IMPORT_KEYS.toLocaleString("en-US")} distinct keys; this chunk would make it ${staged.toLocaleString("en-US")}`,
      );
    }
    const updated = await client.query<SegmentImportRow>(
      `UPDATE segment_import SET received = received + $2, staged = $3 WHERE id = $1
       RETURNING id, segment_id, mode, owner, received, staged, created_at, committed_at, sync_run_id`,
      [row.id, keys.length, staged],
    );
    const result = updated.rows[0];
    if (result === undefined) throw new Error(`import ${row.id} vanished under its own lock`);
    return serializeSegmentImport(result);
  });
}
