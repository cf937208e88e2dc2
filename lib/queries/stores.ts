import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { StoreIntegrationResponse } from "@/lib/schemas/store-integration";
import { apiFetch } from "@/lib/queries/api-client";

type Location = { projectKey: string; environmentKey: string };

const base = ({ projectKey, environmentKey }: Location) =>
  `/api/v2/integration-capabilities/big-segment-store/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}/redis`;

export const storeKeys = {
  all: ["stores"] as const,
  list: (location: Location) =>
    [...storeKeys.all, "list", location.projectKey, location.environmentKey] as const,
};

export type StoreCreateInput = {
  name: string;
  on: boolean;
  config: {
    host?: string;
    port?: number;
    url?: string;
    username?: string;
    password?: string;
    tls?: boolean;
    prefix?: string;
  };
};

export function useStores(location: Location) {
  return useQuery({
    queryKey: storeKeys.list(location),
    queryFn: () => apiFetch<{ items: StoreIntegrationResponse[] }>(base(location)),
    // Status (backlog, last sync) changes on its own: keep it current while the page is open.
    refetchInterval: 5_000,
  });
}

export function useCreateStore(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StoreCreateInput) =>
      apiFetch<StoreIntegrationResponse>(base(location), { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.list(location) }),
  });
}

export function useSetStoreOn(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) =>
      apiFetch<StoreIntegrationResponse>(`${base(location)}/${id}`, {
        method: "PATCH",
        body: JSON.stringify([{ op: "replace", path: "/on", value: on }]),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.list(location) }),
  });
}

export function useTestStoreConnection(location: Location) {
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ ok: boolean; latencyMs: number | null; error: string | null }>(
        `${base(location)}/${id}/test-connection`,
        {
          method: "POST",
        },
      ),
  });
}

export function useResyncStore(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ requested: boolean }>(`${base(location)}/${id}/resync`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.list(location) }),
  });
}

export function useDeleteStore(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<undefined>(`${base(location)}/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.list(location) }),
  });
}
