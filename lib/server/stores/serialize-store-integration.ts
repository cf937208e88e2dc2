import "server-only";
import type { StoreIntegrationResponse } from "@/lib/schemas/store-integration";
import { getStoreStatus } from "@/lib/server/stores/get-store-status";
import { parseStoredConfig } from "@/lib/server/stores/parse-stored-config";

type Row = {
  id: string;
  environmentId: string;
  integrationKey: string;
  name: string;
  on: boolean;
  tags: string[];
  version: number;
  config: unknown;
  password: string | null;
  outboxCursor: bigint;
  lastSyncAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
};

/** The API shape: the password is never returned, only whether one is set. */
export async function serializeStoreIntegration(
  row: Row,
  location: { projectKey: string; environmentKey: string },
): Promise<StoreIntegrationResponse> {
  return {
    _id: row.id,
    integrationKey: row.integrationKey,
    projectKey: location.projectKey,
    environmentKey: location.environmentKey,
    name: row.name,
    on: row.on,
    tags: row.tags,
    version: row.version,
    config: { ...parseStoredConfig(row.config), passwordSet: row.password !== null && row.password !== "" },
    _status: await getStoreStatus(row),
  };
}
