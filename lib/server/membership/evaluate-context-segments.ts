import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import { pgPool } from "@/lib/server/db";

export type ContextSegmentRow = {
  key: string;
  name: string;
  description: string | null;
  tags: string[];
  unbounded: boolean;
  external: string | null;
};

type Tagged = { key: string; tags: string[] };

export type ContextEvaluation = { project: Tagged; environment: Tagged; segments: ContextSegmentRow[] };

type Row = {
  project_key: string;
  project_tags: string[] | null;
  environment_key: string;
  environment_tags: string[] | null;
  key: string | null;
  name: string | null;
  description: string | null;
  tags: string[] | null;
  unbounded: boolean | null;
  external: string | null;
};

// One round trip: the environment (a row even when no segment matches) and one membership probe per segment of it.
const EVALUATE = {
  name: "tributary_evaluate_context",
  text: `SELECT p.key AS project_key, p.tags AS project_tags, e.key AS environment_key, e.tags AS environment_tags,
                s.key, s.name, s.description, s.tags, s.unbounded, s.external
         FROM project p
         JOIN environment e ON e.project_id = p.id AND e.key = $2
         LEFT JOIN segment s ON s.environment_id = e.id
           AND ($4::text IS NULL OR s.unbounded_context_kind = $4)
           AND EXISTS (SELECT 1 FROM segment_member m WHERE m.segment_id = s.id AND m.context_key = $3)
           AND NOT EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.segment_id = s.id AND x.context_key = $3)
         WHERE p.key = $1
         ORDER BY s.key`,
};

/**
 * The segments of an environment that a context belongs to: included and not excluded (api-contract §4), and of the
 * context's kind when one is given; with the project's and environment's keys and tags for the access check.
 */
export async function evaluateContextSegments(
  projectKey: string,
  environmentKey: string,
  context: { key: string; kind?: string },
): Promise<ContextEvaluation> {
  const result = await pgPool().query<Row>({
    ...EVALUATE,
    values: [projectKey, environmentKey, context.key, context.kind ?? null],
  });
  const first = result.rows[0];
  if (!first) {
    throw new ApiError("not_found", `Environment "${environmentKey}" not found in project "${projectKey}"`);
  }
  const segments: ContextSegmentRow[] = [];
  for (const row of result.rows) {
    if (row.key === null || row.name === null) continue;
    segments.push({
      key: row.key,
      name: row.name,
      description: row.description,
      tags: row.tags ?? [],
      unbounded: row.unbounded ?? false,
      external: row.external,
    });
  }
  return {
    project: { key: first.project_key, tags: first.project_tags ?? [] },
    environment: { key: first.environment_key, tags: first.environment_tags ?? [] },
    segments,
  };
}
