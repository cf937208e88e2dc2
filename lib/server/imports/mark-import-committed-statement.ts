import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type MarkImportCommittedParams = {
  importId: string;
  syncRunId: string;
};

/** Records that an import was applied, and by which sync run. */
export const markImportCommittedStatement = sqlStatement<MarkImportCommittedParams>(
  "tributary_mark_import_committed",
  { importId: "", syncRunId: "" },
  (p) =>
    `UPDATE segment_import SET committed_at = now(), sync_run_id = ${p.syncRunId} WHERE id = ${p.importId}`,
);
