import type { IntegrationResponse } from "@/lib/schemas/sync-run";

export function integrationNames(
  items: readonly IntegrationResponse[] | undefined,
): ReadonlyMap<string, string> {
  return new Map((items ?? []).map((integration) => [integration.key, integration.name]));
}
