import "server-only";
import type { StoreIntegrationResponse } from "@/lib/schemas/store-integration";
import { getStoreStatus } from "@/lib/server/stores/get-store-status";
import { storeDataAge } from "@/lib/server/data-age/store-data-age";
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
  verifiedAt?: Date | null;
  driftDetectedAt?: Date | null;
  driftReason?: string | null;
};

const API = "/api/v2";

function link(href: string) {
  return { href, type: "application/json" };
}

/** LaunchDarkly's links of a store: itself, its environment's stores of this kind, its project and environment. */
function storeLinks(
  location: { projectKey: string; environmentKey: string },
  integrationKey: string,
  id: string,
) {
  const project = encodeURIComponent(location.projectKey);
  const environment = encodeURIComponent(location.environmentKey);
  const parent = `${API}/integration-capabilities/big-segment-store/${project}/${environment}/${encodeURIComponent(integrationKey)}`;
  return {
    self: link(`${parent}/${encodeURIComponent(id)}`),
    parent: link(parent),
    project: link(`${API}/projects/${project}`),
    environment: link(`${API}/projects/${project}/environments/${environment}`),
  };
}

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
    _dataAge: storeDataAge(row, Date.now()),
    _links: storeLinks(location, row.integrationKey, row.id),
  };
}
