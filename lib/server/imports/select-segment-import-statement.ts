import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectSegmentImportParams = {
  importId: string;
  segmentId: number;
  owner: string;
  ttlHours: number;
};

/** An open or committed import of its owner, while it has not expired. */
export const selectSegmentImportStatement = sqlStatement<SelectSegmentImportParams>(
  "tributary_select_segment_import",
  { importId: "", segmentId: "", owner: "", ttlHours: "" },
  (p) => `SELECT id, segment_id, mode, owner, received, staged, skipped, created_at, committed_at, sync_run_id
     FROM segment_import
     WHERE id = ${p.importId} AND segment_id = ${p.segmentId} AND owner = ${p.owner} AND created_at >= now() - make_interval(hours => ${p.ttlHours})
     `,
);
