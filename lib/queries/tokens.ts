import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import type { TokenCreate, TokenResponse } from "@/lib/schemas/token";
import { apiFetch } from "@/lib/queries/api-client";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { auditLogKeys } from "@/lib/queries/audit-log";

/** Tokens are few: one page holds them all. `showAll` is ignored by the API for members below admin. */
export const TOKEN_LIST_LIMIT = 100;

export const tokenKeys = {
  all: ["tokens"] as const,
  list: () => [...tokenKeys.all, "list"] as const,
};

export const tokenListPath = `/api/v2/tokens?showAll=true&limit=${TOKEN_LIST_LIMIT}`;

const tokenPath = (tokenId: string) => `/api/v2/tokens/${encodeURIComponent(tokenId)}`;

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: () => apiFetch<Collection<TokenResponse>>(tokenListPath),
  });
}

/** A change to tokens also adds an audit entry and may change which buttons apply to which token. */
function useInvalidateTokens() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
      queryClient.invalidateQueries({ queryKey: auditLogKeys.all }),
      queryClient.invalidateQueries({ queryKey: accessCheckKeys.all }),
    ]);
}

/** The answer holds the full value: the only time it is shown. */
export function useCreateToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: (input: TokenCreate) =>
      apiFetch<TokenResponse>("/api/v2/tokens", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: invalidate,
  });
}

export type TokenSettingsInput = { tokenId: string; name: string; description: string | null };

export function useUpdateToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: ({ tokenId, name, description }: TokenSettingsInput) =>
      apiFetch<TokenResponse>(tokenPath(tokenId), {
        method: "PATCH",
        body: JSON.stringify([
          { op: "replace", path: "/name", value: name },
          { op: "replace", path: "/description", value: description },
        ]),
      }),
    onSuccess: invalidate,
  });
}

/** `expiry` (epoch ms): until when the old value keeps working; omitted, it stops at once. The answer holds the new value. */
export function useResetToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: ({ tokenId, expiry }: { tokenId: string; expiry?: number }) =>
      apiFetch<TokenResponse>(
        `${tokenPath(tokenId)}/reset${expiry === undefined ? "" : `?expiry=${expiry}`}`,
        { method: "POST" },
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: (tokenId: string) => apiFetch<undefined>(tokenPath(tokenId), { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
