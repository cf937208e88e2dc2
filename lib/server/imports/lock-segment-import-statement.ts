import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockSegmentImportParams = {
  importId: string;
  segmentId: number;
  owner: string;
  ttlHours: number;
};

/** An import of its owner, while it has not expired, locked until the transaction ends. */
export const lockSegmentImportStatement = sqlStatement<LockSegmentImportParams>(
  "tributary_lock_segment_import",
  { importId: "", segmentId: "", owner: "", ttlHours: "" },
  (p) => `SELECT id, segment_id, mode, owner, received, staged, skipped, created_at, committed_at, sync_run_id
     FROM segment_import
     WHERE id = ${p.importId} AND segment_id = ${p.segmentId} AND owner = ${p.owner} AND created_at >= now() - make_interval(hours => ${p.ttlHours})
     FOR UPDATE`,
);
