import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import { pgPool } from "@/lib/server/db";
import { selectContextSegmentsStatement } from "@/lib/server/membership/select-context-segments-statement";

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

/**
 * The segments of an environment that a context belongs to: included and not excluded (api-contract §4), and of the
 * context's kind when one is given; with the project's and environment's keys and tags for the access check.
 */
export async function evaluateContextSegments(
  projectKey: string,
  environmentKey: string,
  context: { key: string; kind?: string },
): Promise<ContextEvaluation> {
  const result = await pgPool().query<Row>(
    selectContextSegmentsStatement.query({
      projectKey,
      environmentKey,
      contextKey: context.key,
      contextKind: context.kind ?? null,
    }),
  );
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
