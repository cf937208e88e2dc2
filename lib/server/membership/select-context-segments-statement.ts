import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectContextSegmentsParams = {
  projectKey: string;
  environmentKey: string;
  contextKey: string;
  /** Null for any kind. */
  contextKind: string | null;
};

// One round trip: the environment (a row even when no segment matches) and one membership probe per segment of it.
export const selectContextSegmentsStatement = sqlStatement<SelectContextSegmentsParams>(
  "tributary_evaluate_context",
  { projectKey: "", environmentKey: "", contextKey: "", contextKind: "" },
  (
    p,
  ) => `SELECT p.key AS project_key, p.tags AS project_tags, e.key AS environment_key, e.tags AS environment_tags,
                s.key, s.name, s.description, s.tags, s.unbounded, s.external
         FROM project p
         JOIN environment e ON e.project_id = p.id AND e.key = ${p.environmentKey}
         LEFT JOIN segment s ON s.environment_id = e.id
           AND (${p.contextKind}::text IS NULL OR s.unbounded_context_kind = ${p.contextKind})
           AND EXISTS (SELECT 1 FROM segment_member m WHERE m.segment_id = s.id AND m.context_key = ${p.contextKey})
           AND NOT EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.segment_id = s.id AND x.context_key = ${p.contextKey})
         WHERE p.key = ${p.projectKey}
         ORDER BY s.key`,
);
