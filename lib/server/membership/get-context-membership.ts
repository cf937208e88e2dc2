import "server-only";
import { pgPool } from "@/lib/server/db";
import { selectContextMembershipStatement } from "@/lib/server/membership/select-context-membership-statement";

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

/** Whether a context key is included in / excluded from a segment; null when the segment does not exist. */
export async function getContextMembership(
  projectKey: string,
  environmentKey: string,
  segmentKey: string,
  contextKey: string,
): Promise<ContextMembershipRow | null> {
  const result = await pgPool().query<Row>(
    selectContextMembershipStatement.query({ projectKey, environmentKey, segmentKey, contextKey }),
  );
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
