import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockSegmentForDeleteParams = {
  environmentId: string;
  segmentKey: string;
};

/** Locks a segment's row by its key for deleting it, with what the audit entry and the store drop need. */
export const lockSegmentForDeleteStatement = sqlStatement<LockSegmentForDeleteParams>(
  "tributary_lock_segment_for_delete",
  { environmentId: "", segmentKey: "" },
  (p) => `SELECT id, key, name, description, tags, version, generation, included_count, excluded_count
       FROM segment WHERE environment_id = ${p.environmentId} AND key = ${p.segmentKey} FOR UPDATE`,
);
