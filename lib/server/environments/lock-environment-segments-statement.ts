import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockEnvironmentSegmentsParams = {
  environmentId: string;
};

/** Locks every segment row of an environment. */
export const lockEnvironmentSegmentsStatement = sqlStatement<LockEnvironmentSegmentsParams>(
  "tributary_lock_environment_segments",
  { environmentId: "" },
  (p) => `SELECT id FROM segment WHERE environment_id = ${p.environmentId} FOR UPDATE`,
);
