import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockImportSegmentParams = {
  segmentId: number;
};

/** Locks the import's segment and reads its member count. */
export const lockImportSegmentStatement = sqlStatement<LockImportSegmentParams>(
  "tributary_lock_import_segment",
  { segmentId: "" },
  (p) => `SELECT included_count FROM segment WHERE id = ${p.segmentId} FOR UPDATE`,
);
