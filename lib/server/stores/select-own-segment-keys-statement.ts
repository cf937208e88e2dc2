import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectOwnSegmentKeysParams = {
  environmentId: string;
};

/** Every segment key an environment has or ever had. */
export const selectOwnSegmentKeysStatement = sqlStatement<SelectOwnSegmentKeysParams>(
  "tributary_select_own_segment_keys",
  { environmentId: "" },
  (p) => `select key from segment where environment_id = ${p.environmentId}
     union select key from segment_generation where environment_id = ${p.environmentId}`,
);
