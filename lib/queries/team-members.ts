import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import type { MemberCreate, MemberResponse, MemberRole } from "@/lib/schemas/member";
import { apiFetch } from "@/lib/queries/api-client";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { auditLogKeys } from "@/lib/queries/audit-log";

/** The people who sign in to the dashboard (not a segment's members, see `lib/queries/members.ts`). */
export const TEAM_MEMBER_LIST_LIMIT = 100;

export const teamMemberKeys = {
  all: ["team-members"] as const,
  list: () => [...teamMemberKeys.all, "list"] as const,
};

export const teamMemberListPath = `/api/v2/members?limit=${TEAM_MEMBER_LIST_LIMIT}`;

const memberPath = (memberId: string) => `/api/v2/members/${encodeURIComponent(memberId)}`;

export function useTeamMembers() {
  return useQuery({
    queryKey: teamMemberKeys.list(),
    queryFn: () => apiFetch<Collection<MemberResponse>>(teamMemberListPath),
  });
}

function useInvalidateTeamMembers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: teamMemberKeys.list() }),
      queryClient.invalidateQueries({ queryKey: auditLogKeys.all }),
      queryClient.invalidateQueries({ queryKey: accessCheckKeys.all }),
    ]);
}

export function useCreateTeamMember() {
  const invalidate = useInvalidateTeamMembers();
  return useMutation({
    mutationFn: (input: MemberCreate) =>
      apiFetch<MemberResponse>("/api/v2/members", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: invalidate,
  });
}

export type TeamMemberAccessInput = { memberId: string; role: MemberRole; customRoleKeys: string[] };

/** Role and custom roles together; giving `owner` transfers ownership (the owner only, the API says so otherwise). */
export function useUpdateTeamMemberAccess() {
  const invalidate = useInvalidateTeamMembers();
  return useMutation({
    mutationFn: ({ memberId, role, customRoleKeys }: TeamMemberAccessInput) =>
      apiFetch<MemberResponse>(memberPath(memberId), {
        method: "PATCH",
        body: JSON.stringify([
          { op: "replace", path: "/role", value: role },
          { op: "replace", path: "/customRoleKeys", value: customRoleKeys },
        ]),
      }),
    onSuccess: invalidate,
  });
}

export function useTransferOwnership() {
  const invalidate = useInvalidateTeamMembers();
  return useMutation({
    mutationFn: (memberId: string) =>
      apiFetch<MemberResponse>(memberPath(memberId), {
        method: "PATCH",
        body: JSON.stringify([{ op: "replace", path: "/role", value: "owner" }]),
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteTeamMember() {
  const invalidate = useInvalidateTeamMembers();
  return useMutation({
    mutationFn: (memberId: string) => apiFetch<undefined>(memberPath(memberId), { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
