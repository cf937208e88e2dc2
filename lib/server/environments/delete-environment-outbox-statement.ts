import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteEnvironmentOutboxParams = {
  environmentId: string;
};

/** Removes an environment's pending membership changes for its stores. */
export const deleteEnvironmentOutboxStatement = sqlStatement<DeleteEnvironmentOutboxParams>(
  "tributary_delete_environment_outbox",
  { environmentId: "" },
  (p) => `DELETE FROM membership_outbox WHERE environment_id = ${p.environmentId}`,
);
