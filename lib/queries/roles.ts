import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import type { Policy } from "@/lib/schemas/policy";
import type { RoleCreate, RoleResponse } from "@/lib/schemas/role";
import { apiFetch } from "@/lib/queries/api-client";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { auditLogKeys } from "@/lib/queries/audit-log";

/** Custom roles are few: one page holds them all. */
export const ROLE_LIST_LIMIT = 100;

export const roleKeys = {
  all: ["roles"] as const,
  list: () => [...roleKeys.all, "list"] as const,
};

export const roleListPath = `/api/v2/roles?limit=${ROLE_LIST_LIMIT}`;

const rolePath = (roleKey: string) => `/api/v2/roles/${encodeURIComponent(roleKey)}`;

export function useRoles() {
  return useQuery({
    queryKey: roleKeys.list(),
    queryFn: () => apiFetch<Collection<RoleResponse>>(roleListPath),
  });
}

function useInvalidateRoles() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: roleKeys.list() }),
      queryClient.invalidateQueries({ queryKey: auditLogKeys.all }),
      queryClient.invalidateQueries({ queryKey: accessCheckKeys.all }),
    ]);
}

export function useCreateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (input: RoleCreate) =>
      apiFetch<RoleResponse>("/api/v2/roles", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: invalidate,
  });
}

export type RoleSettingsInput = { key: string; name: string; description: string | null; policy: Policy };

export function useUpdateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: ({ key, name, description, policy }: RoleSettingsInput) =>
      apiFetch<RoleResponse>(rolePath(key), {
        method: "PATCH",
        body: JSON.stringify([
          { op: "replace", path: "/name", value: name },
          { op: "replace", path: "/description", value: description },
          { op: "replace", path: "/policy", value: policy },
        ]),
      }),
    onSuccess: invalidate,
  });
}

/** 409 while a member or token still holds the role; the API's message names how many. */
export function useDeleteRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (roleKey: string) => apiFetch<undefined>(rolePath(roleKey), { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
