import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteEnvironmentGenerationsParams = {
  environmentId: string;
};

/** Removes an environment's segment generations when no store (retired or not) still needs their keys. */
export const deleteEnvironmentGenerationsStatement = sqlStatement<DeleteEnvironmentGenerationsParams>(
  "tributary_delete_environment_generations",
  { environmentId: "" },
  (p) => `DELETE FROM segment_generation WHERE environment_id = ${p.environmentId}
     AND NOT EXISTS (SELECT 1 FROM store_integration WHERE environment_id = ${p.environmentId})`,
);
