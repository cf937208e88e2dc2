import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteEnvironmentRowParams = {
  environmentId: string;
};

/** Removes the environment's own row (its segments and sync runs cascade). */
export const deleteEnvironmentRowStatement = sqlStatement<DeleteEnvironmentRowParams>(
  "tributary_delete_environment_row",
  { environmentId: "" },
  (p) => `DELETE FROM environment WHERE id = ${p.environmentId}`,
);
