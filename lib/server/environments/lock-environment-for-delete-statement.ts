import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockEnvironmentForDeleteParams = {
  projectId: string;
  environmentKey: string;
};

/** Locks an environment's row by its key for deleting it, with its segment count for the audit entry. */
export const lockEnvironmentForDeleteStatement = sqlStatement<LockEnvironmentForDeleteParams>(
  "tributary_lock_environment_for_delete",
  { projectId: "", environmentKey: "" },
  (p) => `SELECT e.id, e.key, e.name, e.tags,
              (SELECT count(*)::int FROM segment s WHERE s.environment_id = e.id) AS segment_count
       FROM environment e WHERE e.project_id = ${p.projectId} AND e.key = ${p.environmentKey} FOR UPDATE`,
);
