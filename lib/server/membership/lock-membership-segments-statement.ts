import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockMembershipSegmentsParams = {
  segmentIds: number[];
};

/** Holds the segments a membership change writes (FOR KEY SHARE: they cannot be deleted meanwhile), with their refs. */
export const lockMembershipSegmentsStatement = sqlStatement<LockMembershipSegmentsParams>(
  "tributary_lock_membership_segments",
  { segmentIds: "" },
  (p) =>
    `SELECT id, key, generation FROM segment WHERE id = ANY(${p.segmentIds}::int[]) ORDER BY id FOR KEY SHARE`,
);
