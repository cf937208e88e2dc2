import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type LockCohortSegmentsParams = {
  environmentId: string;
  integrationKey: string;
  cohortIds: string[];
};

/** The segments of an integration's cohorts, held (FOR KEY SHARE) so none is deleted while the push applies. */
export const lockCohortSegmentsStatement = sqlStatement<LockCohortSegmentsParams>(
  "tributary_resolve_cohort_segments",
  { environmentId: "", integrationKey: "", cohortIds: "" },
  (
    p,
  ) => `SELECT id, key, name, tags, unbounded_context_kind, external_link, external_cohort_id, name_edited_by_hand,
            external_name, included_count, generation
     FROM segment
     WHERE environment_id = ${p.environmentId} AND external = ${p.integrationKey} AND external_cohort_id = ANY(${p.cohortIds}::text[])
     ORDER BY id
     FOR KEY SHARE`,
);
