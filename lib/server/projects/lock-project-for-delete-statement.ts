import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockProjectForDeleteParams = {
  projectKey: string;
};

/** Locks a project's row by its key for deleting it. */
export const lockProjectForDeleteStatement = sqlStatement<LockProjectForDeleteParams>(
  "tributary_lock_project_for_delete",
  { projectKey: "" },
  (p) => `SELECT id, key, name, tags FROM project WHERE key = ${p.projectKey} FOR UPDATE`,
);
