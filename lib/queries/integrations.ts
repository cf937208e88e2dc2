import { useQuery } from "@tanstack/react-query";
import type { IntegrationResponse } from "@/lib/schemas/sync-run";
import { apiFetch } from "@/lib/queries/api-client";

export type IntegrationList = { items: IntegrationResponse[] };

export const integrationKeys = { all: ["integrations"] as const };

/** The partner integrations; they change only with a new server version. */
export function useIntegrations() {
  return useQuery({
    queryKey: integrationKeys.all,
    queryFn: () => apiFetch<IntegrationList>("/api/v2/integrations"),
    staleTime: Infinity,
  });
}

/** Integration key → display name, empty until the list is in. */
export function integrationNames(
  items: readonly IntegrationResponse[] | undefined,
): ReadonlyMap<string, string> {
  return new Map((items ?? []).map((integration) => [integration.key, integration.name]));
}
