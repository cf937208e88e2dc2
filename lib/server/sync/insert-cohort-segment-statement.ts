import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type InsertCohortSegmentParams = {
  environmentId: string;
  key: string;
  name: string;
  /** The cohort name the tool sent, null when it sent none. */
  externalName: string | null;
  description: string | null;
  contextKind: string;
  integrationKey: string;
  cohortUrl: string | null;
  cohortId: string;
  now: Date;
};

/**
 * A cohort's new segment, its generation one past the last segment this key had in the environment. DO NOTHING on any
 * unique violation: a concurrent push created this cohort's segment (or took the key) first, and no row comes back.
 */
export const insertCohortSegmentStatement = sqlStatement<InsertCohortSegmentParams>(
  "tributary_insert_cohort_segment",
  {
    environmentId: "",
    key: "",
    name: "",
    externalName: "",
    description: "",
    contextKind: "",
    integrationKey: "",
    cohortUrl: "",
    cohortId: "",
    now: "",
  },
  (
    p,
  ) => `INSERT INTO segment (environment_id, key, name, description, unbounded, unbounded_context_kind, external,
       external_link, external_cohort_id, external_name, generation, created_at, updated_at)
     SELECT ${p.environmentId}, ${p.key}, ${p.name}, ${p.description}, true, ${p.contextKind}, ${p.integrationKey},
            ${p.cohortUrl}, ${p.cohortId}, ${p.externalName},
            COALESCE((SELECT g.generation FROM segment_generation g
                      WHERE g.environment_id = ${p.environmentId} AND g.key = ${p.key}), 0) + 1,
            ${p.now}, ${p.now}
     ON CONFLICT DO NOTHING
     RETURNING id, generation`,
);
