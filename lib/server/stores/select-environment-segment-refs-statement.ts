import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectEnvironmentSegmentRefsParams = {
  environmentId: string;
};

/** An environment's segments with their store refs. */
export const selectEnvironmentSegmentRefsStatement = sqlStatement<SelectEnvironmentSegmentRefsParams>(
  "tributary_select_environment_segment_refs",
  { environmentId: "" },
  (p) =>
    `select id, key || '.g' || generation as ref from segment where environment_id = ${p.environmentId} order by id`,
);
