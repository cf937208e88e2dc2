import type { IntegrationResponse } from "@/lib/schemas/sync-run";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";

/** The partner integrations this server accepts pushes from, in a stable order. */
export function listIntegrations(): IntegrationResponse[] {
  return Object.values(INTEGRATIONS)
    .map(({ key, name, mode, docsUrl }) => ({ key, name, mode, docsUrl }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
