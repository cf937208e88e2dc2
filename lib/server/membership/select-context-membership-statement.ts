import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectContextMembershipParams = {
  projectKey: string;
  environmentKey: string;
  segmentKey: string;
  contextKey: string;
};

// One round trip and a handful of index probes; named, so each pooled connection prepares it once and reuses the plan.
export const selectContextMembershipStatement = sqlStatement<SelectContextMembershipParams>(
  "tributary_context_membership",
  { projectKey: "", environmentKey: "", segmentKey: "", contextKey: "" },
  (
    p,
  ) => `SELECT s.key AS segment_key, s.tags AS segment_tags, e.key AS environment_key, e.tags AS environment_tags,
                p.key AS project_key, p.tags AS project_tags,
                m.segment_id IS NOT NULL AS included, m.added_at, m.sync_run_id,
                EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.segment_id = s.id AND x.context_key = ${p.contextKey}) AS excluded
         FROM project p
         JOIN environment e ON e.project_id = p.id
         JOIN segment s ON s.environment_id = e.id
         LEFT JOIN segment_member m ON m.segment_id = s.id AND m.context_key = ${p.contextKey}
         WHERE p.key = ${p.projectKey} AND e.key = ${p.environmentKey} AND s.key = ${p.segmentKey}`,
);
