import "server-only";
import { pgPool } from "@/lib/server/db";

export type ContextSegmentRow = {
  key: string;
  name: string;
  description: string | null;
  tags: string[];
  unbounded: boolean;
  external: string | null;
};

type Row = Omit<ContextSegmentRow, "tags"> & { tags: string[] | null };

const EVALUATE = {
  name: "tributary_evaluate_context",
  text: `SELECT s.key, s.name, s.description, s.tags, s.unbounded, s.external
         FROM segment s
         WHERE s.environment_id = $1
           AND ($3::text IS NULL OR s.unbounded_context_kind = $3)
           AND EXISTS (SELECT 1 FROM segment_member m WHERE m.segment_id = s.id AND m.context_key = $2)
           AND NOT EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.segment_id = s.id AND x.context_key = $2)
         ORDER BY s.key`,
};

/**
 * The segments of an environment that a context belongs to: included and not excluded (LD_COMPAT §4), and of the
 * context's kind when one is given. One membership probe per segment of the environment.
 */
export async function evaluateContextSegments(
  environmentId: string,
  context: { key: string; kind?: string },
): Promise<ContextSegmentRow[]> {
  const result = await pgPool().query<Row>({
    ...EVALUATE,
    values: [environmentId, context.key, context.kind ?? null],
  });
  return result.rows.map((row) => ({ ...row, tags: row.tags ?? [] }));
}
