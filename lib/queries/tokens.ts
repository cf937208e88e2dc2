import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import type { Policy } from "@/lib/schemas/policy";
import {
  TOKEN_SEARCH_MAX_LENGTH,
  TOKEN_SORTS,
  type TokenCreate,
  type TokenResponse,
  type TokenRole,
  type TokenSort,
} from "@/lib/schemas/token";
import { apiFetch } from "@/lib/queries/api-client";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { auditLogKeys } from "@/lib/queries/audit-log";

export const TOKEN_PAGE_SIZE = 20;
/** "Expiring" on the Tokens page: within this many days (or already expired), as the list's warning badge says. */
export const EXPIRING_SOON_DAYS = 7;

export type TokenTypeFilter = "any" | "service" | "personal";

/** What the token list shows; decided by the API (`GET /api/v2/tokens`) and kept in the page URL. */
export type TokenListFilters = {
  q: string;
  type: TokenTypeFilter;
  expiring: boolean;
  unused: boolean;
  sort: TokenSort;
  offset: number;
  limit: number;
};

export const DEFAULT_TOKEN_FILTERS: TokenListFilters = {
  q: "",
  type: "any",
  expiring: false,
  unused: false,
  // Newest first, so that a token just created is at the top (the API's own default is oldest first).
  sort: "-creationDate",
  offset: 0,
  limit: TOKEN_PAGE_SIZE,
};

export const tokenKeys = {
  all: ["tokens"] as const,
  lists: () => [...tokenKeys.all, "list"] as const,
  list: (filters: TokenListFilters) => [...tokenKeys.lists(), filters] as const,
};

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function readParam(params: SearchParamsLike, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function isSort(value: string): value is TokenSort {
  return (TOKEN_SORTS as readonly string[]).includes(value);
}

/** The list's filters from the page URL (`?q=&type=&expiring=true&unused=true&sort=&offset=`); anything unreadable is the default. */
export function tokenFiltersFromSearchParams(params: SearchParamsLike): TokenListFilters {
  const type = readParam(params, "type");
  const sort = readParam(params, "sort");
  const offset = Number(readParam(params, "offset"));
  return {
    ...DEFAULT_TOKEN_FILTERS,
    q: readParam(params, "q").trim().slice(0, TOKEN_SEARCH_MAX_LENGTH),
    type: type === "service" || type === "personal" ? type : "any",
    expiring: readParam(params, "expiring") === "true",
    unused: readParam(params, "unused") === "true",
    sort: isSort(sort) ? sort : DEFAULT_TOKEN_FILTERS.sort,
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The page URL's query for these filters; defaults are left out so that the plain list has a plain URL. */
export function tokenFiltersToSearchParams(filters: TokenListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q !== "") params.set("q", filters.q);
  if (filters.type !== "any") params.set("type", filters.type);
  if (filters.expiring) params.set("expiring", "true");
  if (filters.unused) params.set("unused", "true");
  if (filters.sort !== DEFAULT_TOKEN_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.offset > 0) params.set("offset", String(filters.offset));
  return params;
}

/** The API's query for these filters. `showAll` is ignored by the API for members below admin. */
export function tokenListPath(filters: TokenListFilters): string {
  const params = new URLSearchParams({
    showAll: "true",
    limit: String(filters.limit),
    offset: String(filters.offset),
    sort: filters.sort,
  });
  if (filters.q !== "") params.set("q", filters.q);
  if (filters.type !== "any") params.set("type", filters.type);
  if (filters.expiring) params.set("expiringWithinDays", String(EXPIRING_SOON_DAYS));
  if (filters.unused) params.set("unused", "true");
  return `/api/v2/tokens?${params.toString()}`;
}

const tokenPath = (tokenId: string) => `/api/v2/tokens/${encodeURIComponent(tokenId)}`;

export function useTokens(filters: TokenListFilters) {
  return useQuery({
    queryKey: tokenKeys.list(filters),
    queryFn: () => apiFetch<Collection<TokenResponse>>(tokenListPath(filters)),
    placeholderData: keepPreviousData,
  });
}

/** A change to tokens also adds an audit entry and may change which buttons apply to which token. */
function useInvalidateTokens() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tokenKeys.lists() }),
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

/** A token's access: a built-in role, or custom roles and/or an inline policy (never both kinds). */
export type TokenAccessInput = { role: TokenRole } | { customRoleIds: string[]; inlineRole: Policy | null };

export type TokenSettingsInput = {
  tokenId: string;
  name: string;
  description: string | null;
  /** Only when the access changes: a name edit then needs no right to change the token's policy. */
  access?: TokenAccessInput;
};

/** The JSON Patch of an edit: every access field is set, so the token ends with exactly the chosen access. */
export function tokenSettingsPatch({ name, description, access }: Omit<TokenSettingsInput, "tokenId">) {
  const operations: { op: "replace"; path: string; value: unknown }[] = [
    { op: "replace", path: "/name", value: name },
    { op: "replace", path: "/description", value: description },
  ];
  if (access !== undefined) {
    const custom = "role" in access ? { customRoleIds: [], inlineRole: null } : access;
    operations.push(
      { op: "replace", path: "/role", value: "role" in access ? access.role : null },
      { op: "replace", path: "/customRoleIds", value: custom.customRoleIds },
      { op: "replace", path: "/inlineRole", value: custom.inlineRole },
    );
  }
  return operations;
}

export function useUpdateToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: ({ tokenId, ...settings }: TokenSettingsInput) =>
      apiFetch<TokenResponse>(tokenPath(tokenId), {
        method: "PATCH",
        body: JSON.stringify(tokenSettingsPatch(settings)),
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
