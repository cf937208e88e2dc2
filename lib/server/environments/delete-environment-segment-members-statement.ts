import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteEnvironmentSegmentMembersParams = {
  environmentId: string;
};

/** Removes the included context keys of every segment of an environment. */
export const deleteEnvironmentSegmentMembersStatement = sqlStatement<DeleteEnvironmentSegmentMembersParams>(
  "tributary_delete_environment_segment_members",
  { environmentId: "" },
  (p) =>
    `DELETE FROM segment_member WHERE segment_id IN (SELECT id FROM segment WHERE environment_id = ${p.environmentId})`,
);
