import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AlertDelivery,
  AlertDestination,
  AlertIncident,
  AlertRule,
  AlertRuleKind,
} from "@/lib/schemas/alerts";
import { apiFetch } from "@/lib/queries/api-client";

type Location = { projectKey: string; environmentKey: string };

const base = ({ projectKey, environmentKey }: Location) =>
  `/api/v2/alerts/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}`;

/** The one key factory of alert queries. */
export const alertKeys = {
  all: ["alerts"] as const,
  environment: (location: Location) =>
    [...alertKeys.all, location.projectKey, location.environmentKey] as const,
  rules: (location: Location) => [...alertKeys.environment(location), "rules"] as const,
  destinations: (location: Location) => [...alertKeys.environment(location), "destinations"] as const,
  deliveries: (location: Location) => [...alertKeys.environment(location), "deliveries"] as const,
  incidents: (location: Location) => [...alertKeys.environment(location), "incidents"] as const,
};

/** Alerts open and resolve on their own (the worker): keep what is shown current while the page is open. */
const LIVE_MS = 5_000;

export function useAlertRules(location: Location) {
  return useQuery({
    queryKey: alertKeys.rules(location),
    queryFn: () => apiFetch<{ items: AlertRule[] }>(`${base(location)}/rules`),
  });
}

export type AlertRuleInput = {
  kind: AlertRuleKind;
  name: string;
  threshold?: number;
  windowMinutes?: number;
  segmentKey?: string;
  expectedIntervalMinutes?: number;
};

export function useCreateAlertRule(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AlertRuleInput) =>
      apiFetch<AlertRule>(`${base(location)}/rules`, { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.rules(location) }),
  });
}

export function useSetAlertRuleOn(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) =>
      apiFetch<AlertRule>(`${base(location)}/rules/${id}`, { method: "PATCH", body: JSON.stringify({ on }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.environment(location) }),
  });
}

export function useDeleteAlertRule(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<undefined>(`${base(location)}/rules/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.environment(location) }),
  });
}

export function useAlertDestinations(location: Location) {
  return useQuery({
    queryKey: alertKeys.destinations(location),
    queryFn: () => apiFetch<{ items: AlertDestination[] }>(`${base(location)}/destinations`),
  });
}

export function useCreateAlertDestination(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: "webhook" | "slack"; name: string; url: string }) =>
      apiFetch<AlertDestination>(`${base(location)}/destinations`, {
        method: "POST",
        body: JSON.stringify(input),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.destinations(location) }),
  });
}

export function useDeleteAlertDestination(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<undefined>(`${base(location)}/destinations/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.environment(location) }),
  });
}

export function useSendTestAlert(location: Location) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ deliveryId: string }>(`${base(location)}/destinations/${id}/test`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.deliveries(location) }),
  });
}

export function useAlertDeliveries(location: Location) {
  return useQuery({
    queryKey: alertKeys.deliveries(location),
    queryFn: () => apiFetch<{ items: AlertDelivery[] }>(`${base(location)}/deliveries`),
    refetchInterval: LIVE_MS,
  });
}

export function useOpenAlerts(location: Location) {
  return useQuery({
    queryKey: alertKeys.incidents(location),
    queryFn: () => apiFetch<{ items: AlertIncident[] }>(`${base(location)}/incidents`),
    refetchInterval: LIVE_MS,
  });
}
