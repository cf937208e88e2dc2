import "server-only";
import { insertSegmentImportStatement } from "@/lib/server/imports/insert-segment-import-statement";
import { deleteExpiredImportsStatement } from "@/lib/server/imports/delete-expired-imports-statement";
import { randomUUID } from "node:crypto";
import { IMPORT_TTL_HOURS, type ImportMode, type SegmentImportResponse } from "@/lib/schemas/segment-import";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { pgPool } from "@/lib/server/db";
import { importOwner } from "@/lib/server/imports/import-owner";
import { serializeSegmentImport, type SegmentImportRow } from "@/lib/server/imports/serialize-segment-import";

/**
 * Starts a CSV import into a segment that is not synced: keys are uploaded in chunks to a staging table and applied by
 * `commitSegmentImport`. A synced segment's membership is owned by its integration, so it refuses imports.
 */
export async function createSegmentImport(
  principal: Principal,
  segment: { id: number; key: string; external: string | null },
  mode: ImportMode,
): Promise<SegmentImportResponse> {
  if (segment.external !== null) {
    throw new ApiError(
      "conflict",
      `Segment "${segment.key}" is synced by ${segment.external}: its membership is owned by the integration and cannot be imported`,
    );
  }
  const pool = pgPool();
  // Housekeeping on the way in, so abandoned uploads do not pile up; cheap while few imports are open.
  await pool.query(deleteExpiredImportsStatement.query({ ttlHours: IMPORT_TTL_HOURS }));
  const result = await pool.query<SegmentImportRow>(
    insertSegmentImportStatement.query({
      importId: randomUUID(),
      segmentId: segment.id,
      mode,
      owner: importOwner(principal),
    }),
  );
  const row = result.rows[0];
  if (row === undefined) throw new Error("INSERT ... RETURNING returned no row");
  return serializeSegmentImport(row);
}
