import "server-only";
import { pgPool } from "@/lib/server/db";

export type ContextMembershipRow = {
  segment: {
    key: string;
    tags: string[];
    environment: { key: string; tags: string[] };
    project: { key: string; tags: string[] };
  };
  included: boolean;
  excluded: boolean;
  addedAt: Date | null;
  syncRunId: string | null;
};

type Row = {
  segment_key: string;
  segment_tags: string[] | null;
  environment_key: string;
  environment_tags: string[] | null;
  project_key: string;
  project_tags: string[] | null;
  included: boolean;
  added_at: Date | null;
  sync_run_id: string | null;
  excluded: boolean;
};

// One round trip and a handful of index probes; named, so each pooled connection prepares it once and reuses the plan.
const LOOKUP = {
  name: "tributary_context_membership",
  text: `SELECT s.key AS segment_key, s.tags AS segment_tags, e.key AS environment_key, e.tags AS environment_tags,
                p.key AS project_key, p.tags AS project_tags,
                m.segment_id IS NOT NULL AS included, m.added_at, m.sync_run_id,
                EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.segment_id = s.id AND x.context_key = $4) AS excluded
         FROM project p
         JOIN environment e ON e.project_id = p.id
         JOIN segment s ON s.environment_id = e.id
         LEFT JOIN segment_member m ON m.segment_id = s.id AND m.context_key = $4
         WHERE p.key = $1 AND e.key = $2 AND s.key = $3`,
};

/** Whether a context key is included in / excluded from a segment; null when the segment does not exist. */
export async function getContextMembership(
  projectKey: string,
  environmentKey: string,
  segmentKey: string,
  contextKey: string,
): Promise<ContextMembershipRow | null> {
  const result = await pgPool().query<Row>({
    ...LOOKUP,
    values: [projectKey, environmentKey, segmentKey, contextKey],
  });
  const row = result.rows[0];
  if (row === undefined) return null;
  return {
    segment: {
      key: row.segment_key,
      tags: row.segment_tags ?? [],
      environment: { key: row.environment_key, tags: row.environment_tags ?? [] },
      project: { key: row.project_key, tags: row.project_tags ?? [] },
    },
    included: row.included,
    excluded: row.excluded,
    addedAt: row.added_at,
    syncRunId: row.sync_run_id,
  };
}
