import type { ImportMode, SegmentImportResponse } from "@/lib/schemas/segment-import";

/** A row of the `segment_import` staging table. */
export type SegmentImportRow = {
  id: string;
  segment_id: number;
  mode: ImportMode;
  owner: string;
  received: number;
  staged: number;
  skipped: number;
  created_at: Date;
  committed_at: Date | null;
  sync_run_id: string | null;
};

export function serializeSegmentImport(row: SegmentImportRow): SegmentImportResponse {
  return {
    _id: row.id,
    mode: row.mode,
    status: row.committed_at === null ? "open" : "committed",
    received: row.received,
    staged: row.staged,
    skipped: row.skipped,
    createdAt: row.created_at.getTime(),
    syncRunId: row.sync_run_id,
  };
}
