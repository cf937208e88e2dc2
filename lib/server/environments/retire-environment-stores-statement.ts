import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type RetireEnvironmentStoresParams = {
  environmentId: string;
};

/** Retires an environment's stores: the worker then removes their refs from Redis. */
export const retireEnvironmentStoresStatement = sqlStatement<RetireEnvironmentStoresParams>(
  "tributary_retire_environment_stores",
  { environmentId: "" },
  (p) => `UPDATE store_integration SET "on" = false, needs_full_sync = false, retired_at = now()
     WHERE environment_id = ${p.environmentId} AND retired_at IS NULL`,
);
