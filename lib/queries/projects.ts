import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import type { EnvironmentCreate, EnvironmentResponse } from "@/lib/schemas/environment";
import type { ProjectCreate, ProjectRepResponse, ProjectResponse } from "@/lib/schemas/project";
import { apiFetch } from "@/lib/queries/api-client";
import { projectListPath, type ProjectListFilters } from "@/lib/queries/project-list-filters";

/** The first this many projects the member may view: for pickers (the header's switcher, token scopes). */
export const PICKER_PROJECT_LIMIT = 100;

export const projectKeys = {
  all: ["projects"] as const,
  /** The picker's list; also the prefix of every list, so invalidating it refreshes the Projects page too. */
  list: () => [...projectKeys.all, "list"] as const,
  page: (filters: ProjectListFilters) => [...projectKeys.list(), "page", filters] as const,
  detail: (projectKey: string) => [...projectKeys.all, "detail", projectKey] as const,
};

export function useProjects() {
  return useQuery({
    queryKey: projectKeys.list(),
    queryFn: () => apiFetch<Collection<ProjectResponse>>(`/api/v2/projects?limit=${PICKER_PROJECT_LIMIT}`),
  });
}

/** One page of the Projects page's search, in its order. */
export function useProjectPage(filters: ProjectListFilters) {
  return useQuery({
    queryKey: projectKeys.page(filters),
    queryFn: () => apiFetch<Collection<ProjectResponse>>(projectListPath(filters)),
    placeholderData: keepPreviousData,
  });
}

export function useProject(projectKey: string) {
  return useQuery({
    queryKey: projectKeys.detail(projectKey),
    queryFn: () => apiFetch<ProjectResponse>(`/api/v2/projects/${encodeURIComponent(projectKey)}`),
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectCreate) =>
      apiFetch<ProjectRepResponse>("/api/v2/projects", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
  });
}

export function useCreateEnvironment(projectKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnvironmentCreate) =>
      apiFetch<EnvironmentResponse>(`/api/v2/projects/${encodeURIComponent(projectKey)}/environments`, {
        method: "POST",
        body: JSON.stringify(input),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectKey) }),
  });
}

export function useDeleteProject(projectKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<undefined>(`/api/v2/projects/${encodeURIComponent(projectKey)}`, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
        // Marked stale without refetching: the open page is about to leave, and a refetch would only answer 404.
        queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectKey), refetchType: "none" }),
      ]),
  });
}

export function useDeleteEnvironment(projectKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (environmentKey: string) =>
      apiFetch<undefined>(
        `/api/v2/projects/${encodeURIComponent(projectKey)}/environments/${encodeURIComponent(environmentKey)}`,
        { method: "DELETE" },
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
        queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectKey) }),
      ]),
  });
}
