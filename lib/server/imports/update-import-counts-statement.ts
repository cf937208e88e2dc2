import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type UpdateImportCountsParams = {
  importId: string;
  received: number;
  staged: number;
  skipped: number;
  skippedRowsJson: string;
};

/** Adds a chunk's counts and skipped rows to its import. */
export const updateImportCountsStatement = sqlStatement<UpdateImportCountsParams>(
  "tributary_update_import_counts",
  { importId: "", received: "", staged: "", skipped: "", skippedRowsJson: "" },
  (p) => `UPDATE segment_import
       SET received = received + ${p.received}, staged = ${p.staged}, skipped = ${p.skipped}, skipped_rows = skipped_rows || ${p.skippedRowsJson}::jsonb
       WHERE id = ${p.importId}
       RETURNING id, segment_id, mode, owner, received, staged, skipped, created_at, committed_at, sync_run_id`,
);
