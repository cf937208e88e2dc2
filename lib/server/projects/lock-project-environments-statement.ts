import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockProjectEnvironmentsParams = {
  projectId: string;
};

/** Locks a project's environments, oldest first, for deleting them with it. */
export const lockProjectEnvironmentsStatement = sqlStatement<LockProjectEnvironmentsParams>(
  "tributary_lock_project_environments",
  { projectId: "" },
  (p) => `SELECT id, key FROM environment WHERE project_id = ${p.projectId} ORDER BY created_at FOR UPDATE`,
);
