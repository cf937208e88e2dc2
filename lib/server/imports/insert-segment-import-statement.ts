import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type InsertSegmentImportParams = {
  importId: string;
  segmentId: number;
  mode: string;
  owner: string;
};

/** Opens an import of a segment's members. */
export const insertSegmentImportStatement = sqlStatement<InsertSegmentImportParams>(
  "tributary_insert_segment_import",
  { importId: "", segmentId: "", mode: "", owner: "" },
  (
    p,
  ) => `INSERT INTO segment_import (id, segment_id, mode, owner) VALUES (${p.importId}, ${p.segmentId}, ${p.mode}, ${p.owner})
     RETURNING id, segment_id, mode, owner, received, staged, skipped, created_at, committed_at, sync_run_id`,
);
