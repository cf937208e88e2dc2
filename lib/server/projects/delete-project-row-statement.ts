import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteProjectRowParams = {
  projectId: string;
};

/** Removes the project's own row. */
export const deleteProjectRowStatement = sqlStatement<DeleteProjectRowParams>(
  "tributary_delete_project_row",
  { projectId: "" },
  (p) => `DELETE FROM project WHERE id = ${p.projectId}`,
);
