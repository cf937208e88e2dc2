import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteEnvironmentSegmentExclusionsParams = {
  environmentId: string;
};

/** Removes the excluded context keys of every segment of an environment. */
export const deleteEnvironmentSegmentExclusionsStatement =
  sqlStatement<DeleteEnvironmentSegmentExclusionsParams>(
    "tributary_delete_environment_segment_exclusions",
    { environmentId: "" },
    (p) =>
      `DELETE FROM segment_exclusion WHERE segment_id IN (SELECT id FROM segment WHERE environment_id = ${p.environmentId})`,
  );
