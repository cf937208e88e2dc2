import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectTakenSegmentKeysParams = {
  environmentId: string;
  candidateKeys: string[];
};

/** Which of the candidate segment keys an environment already uses. */
export const selectTakenSegmentKeysStatement = sqlStatement<SelectTakenSegmentKeysParams>(
  "tributary_select_taken_segment_keys",
  { environmentId: "", candidateKeys: "" },
  (p) =>
    `SELECT key FROM segment WHERE environment_id = ${p.environmentId} AND key = ANY(${p.candidateKeys}::text[])`,
);
