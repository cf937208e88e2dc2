import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  InviteCreate,
  InviteCreated,
  PasswordChange,
  PasswordLinkIssued,
  PasswordLinkList,
} from "@/lib/schemas/invite";
import { apiFetch } from "@/lib/queries/api-client";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { auditLogKeys } from "@/lib/queries/audit-log";
import { teamMemberKeys } from "@/lib/queries/team-members";

export const passwordLinkKeys = {
  all: ["password-links"] as const,
  list: () => [...passwordLinkKeys.all, "list"] as const,
};

export const passwordLinkListPath = "/api/v2/invites";

const memberLinkPath = (memberId: string, kind: "invite" | "reset") =>
  `/api/v2/members/${encodeURIComponent(memberId)}/${kind === "invite" ? "invite" : "password-reset"}`;

/** Pending invite and reset links (expiry only; a link's secret is shown once, when it is issued). */
export function usePasswordLinks() {
  return useQuery({
    queryKey: passwordLinkKeys.list(),
    queryFn: () => apiFetch<PasswordLinkList>(passwordLinkListPath),
  });
}

function useInvalidateTeam() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: passwordLinkKeys.all }),
      queryClient.invalidateQueries({ queryKey: teamMemberKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditLogKeys.all }),
      queryClient.invalidateQueries({ queryKey: accessCheckKeys.all }),
    ]);
}

export function useCreateInvite() {
  const invalidate = useInvalidateTeam();
  return useMutation({
    mutationFn: (input: InviteCreate) =>
      apiFetch<InviteCreated>(passwordLinkListPath, { method: "POST", body: JSON.stringify(input) }),
    onSuccess: invalidate,
  });
}

/** A new invite link (for a pending member) or a reset link; the previous link of the member stops working. */
export function useIssuePasswordLink() {
  const invalidate = useInvalidateTeam();
  return useMutation({
    mutationFn: ({ memberId, kind }: { memberId: string; kind: "invite" | "reset" }) =>
      apiFetch<PasswordLinkIssued>(memberLinkPath(memberId, kind), { method: "POST" }),
    onSuccess: invalidate,
  });
}

/** Revokes an invite (the pending member goes) or a reset link. */
export function useRevokePasswordLink() {
  const invalidate = useInvalidateTeam();
  return useMutation({
    mutationFn: ({ memberId, kind }: { memberId: string; kind: "invite" | "reset" }) =>
      apiFetch<undefined>(memberLinkPath(memberId, kind), { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: PasswordChange) =>
      apiFetch<undefined>("/api/v2/account/password", { method: "POST", body: JSON.stringify(input) }),
  });
}
