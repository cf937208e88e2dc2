import "server-only";
import { selectEnvironmentByClientSideIdStatement } from "@/lib/server/sync/select-environment-by-client-side-id-statement";
import { pgPool } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";

const CLIENT_SIDE_ID = /^[0-9a-f]{24}$/;

export type PartnerEnvironment = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

/** Partners name the environment only by its client-side ID (api-contract §2); an unknown one is 404. */
export async function findEnvironmentByClientSideId(clientSideId: string): Promise<PartnerEnvironment> {
  // Every push starts here: one prepared statement instead of an ORM query.
  const rows = CLIENT_SIDE_ID.test(clientSideId)
    ? (
        await pgPool().query<{
          id: string;
          key: string;
          tags: string[];
          project_key: string;
          project_tags: string[];
        }>(selectEnvironmentByClientSideIdStatement.query({ clientSideId }))
      ).rows
    : [];
  const row = rows[0];
  const environment = row
    ? { id: row.id, key: row.key, tags: row.tags, project: { key: row.project_key, tags: row.project_tags } }
    : null;
  if (!environment) {
    const shown = clientSideId.length > 64 ? `${clientSideId.slice(0, 64)}...` : clientSideId;
    throw new ApiError("not_found", `Unknown environment: no environment has the client-side ID "${shown}"`);
  }
  return environment;
}
