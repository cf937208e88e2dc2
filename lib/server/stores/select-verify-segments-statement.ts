import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectVerifySegmentsParams = { environmentId: string };

/** An environment's segments as the verifier needs them: their store ref and how many keys each list holds. */
export const selectVerifySegmentsStatement = sqlStatement<SelectVerifySegmentsParams>(
  "tributary_select_verify_segments",
  { environmentId: "" },
  (p) => `select id, key, key || '.g' || generation as ref, included_count, excluded_count
         from segment where environment_id = ${p.environmentId} order by id`,
);
