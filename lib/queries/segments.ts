import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import { SEGMENT_SORTS, type SegmentResponse, type SegmentSort } from "@/lib/schemas/segment";
import { apiFetch } from "@/lib/queries/api-client";
import { segmentHistoryKeys } from "@/lib/queries/audit";

export type EnvironmentLocation = { projectKey: string; environmentKey: string };
export type SegmentLocation = EnvironmentLocation & { segmentKey: string };

/** `any` and `synced` are the integration filter's two choices besides a single integration key. */
export type IntegrationFilter = "any" | "synced" | (string & {});
export type MembershipFilter = "any" | "unbounded" | "list";

/** Everything the segment list shows is decided by the server: these become the API's `filter`, `sort` and paging. */
export type SegmentListFilters = {
  query: string;
  tags: string[];
  integration: IntegrationFilter;
  membership: MembershipFilter;
  sort: SegmentSort;
  offset: number;
  limit: number;
};

export const SEGMENT_PAGE_SIZE = 20;

export const DEFAULT_SEGMENT_FILTERS: SegmentListFilters = {
  query: "",
  tags: [],
  integration: "any",
  membership: "any",
  sort: "-creationDate",
  offset: 0,
  limit: SEGMENT_PAGE_SIZE,
};

const environmentPath = ({ projectKey, environmentKey }: EnvironmentLocation) =>
  `/api/v2/segments/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}`;

export const segmentPath = (location: SegmentLocation) =>
  `${environmentPath(location)}/${encodeURIComponent(location.segmentKey)}`;

export const segmentKeys = {
  all: ["segments"] as const,
  lists: (location: EnvironmentLocation) =>
    [...segmentKeys.all, "list", location.projectKey, location.environmentKey] as const,
  list: (location: EnvironmentLocation, filters: SegmentListFilters) =>
    [...segmentKeys.lists(location), filters] as const,
  details: (location: EnvironmentLocation) =>
    [...segmentKeys.all, "detail", location.projectKey, location.environmentKey] as const,
  // Same shape as `segmentDetailKey` in lib/queries/members.ts, which the Members and Sync tabs refresh.
  detail: (location: EnvironmentLocation, segmentKey: string) =>
    [...segmentKeys.details(location), segmentKey] as const,
};

/** `,` separates the filter's clauses and `[`/`]` delimit lists, so a search for them searches for a space instead. */
function filterText(text: string): string {
  return text.replace(/[,[\]]/g, " ").trim();
}

/** LaunchDarkly's `filter` parameter for these filters, or undefined for none. */
export function segmentFilterParameter(filters: SegmentListFilters): string | undefined {
  const clauses: string[] = [];
  const query = filterText(filters.query);
  if (query !== "") clauses.push(`query equals ${query}`);
  if (filters.tags.length > 0) clauses.push(`tags anyOf [${filters.tags.join(",")}]`);
  if (filters.integration === "synced") clauses.push("external exists");
  else if (filters.integration !== "any") clauses.push(`external equals ${filters.integration}`);
  if (filters.membership !== "any") clauses.push(`unbounded equals ${filters.membership === "unbounded"}`);
  return clauses.length > 0 ? clauses.join(",") : undefined;
}

export function segmentListQuery(filters: SegmentListFilters): string {
  const params = new URLSearchParams({
    limit: String(filters.limit),
    offset: String(filters.offset),
    sort: filters.sort,
  });
  const filter = segmentFilterParameter(filters);
  if (filter !== undefined) params.set("filter", filter);
  return params.toString();
}

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function readParam(params: SearchParamsLike, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function isSort(value: string): value is SegmentSort {
  return (SEGMENT_SORTS as readonly string[]).includes(value);
}

/**
 * The list's filters from the page URL (`?q=&tags=a,b&integration=&type=&sort=&offset=`), so that a filtered page can be
 * reloaded, shared and prefetched by the server page. Anything unreadable falls back to the default.
 */
export function filtersFromSearchParams(params: SearchParamsLike): SegmentListFilters {
  const offset = Number(readParam(params, "offset"));
  const sort = readParam(params, "sort");
  const integration = readParam(params, "integration");
  const membership = readParam(params, "type");
  return {
    ...DEFAULT_SEGMENT_FILTERS,
    query: readParam(params, "q").trim(),
    tags: [
      ...new Set(
        readParam(params, "tags")
          .split(",")
          .filter((tag) => tag !== ""),
      ),
    ],
    integration: integration === "" ? "any" : integration,
    membership: membership === "unbounded" || membership === "list" ? membership : "any",
    sort: isSort(sort) ? sort : DEFAULT_SEGMENT_FILTERS.sort,
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The page URL's query for these filters; defaults are left out so that the plain list has a plain URL. */
export function filtersToSearchParams(filters: SegmentListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.query !== "") params.set("q", filters.query);
  if (filters.tags.length > 0) params.set("tags", filters.tags.join(","));
  if (filters.integration !== "any") params.set("integration", filters.integration);
  if (filters.membership !== "any") params.set("type", filters.membership);
  if (filters.sort !== DEFAULT_SEGMENT_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.offset > 0) params.set("offset", String(filters.offset));
  return params;
}

export function useSegments(location: EnvironmentLocation, filters: SegmentListFilters) {
  return useQuery({
    queryKey: segmentKeys.list(location, filters),
    queryFn: () =>
      apiFetch<Collection<SegmentResponse>>(`${environmentPath(location)}?${segmentListQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useSegment(location: SegmentLocation) {
  return useQuery({
    queryKey: segmentKeys.detail(location, location.segmentKey),
    queryFn: () => apiFetch<SegmentResponse>(segmentPath(location)),
  });
}

type SettingValues = Pick<SegmentResponse, "name" | "description" | "tags">;
type SettingField = keyof SettingValues;

export type SettingUpdate<F extends SettingField> = {
  value: SettingValues[F];
  /** The version the form was filled from: the save fails with 409 when someone saved in between. */
  version: number;
};

/**
 * One setting, saved with `test /version` so that a save over someone else's change is refused (409
 * `optimistic_locking_error`). The header, Overview and the form show the new value at once and go back to the old one
 * when the save fails.
 */
function useUpdateSegmentSetting<F extends SettingField>(location: SegmentLocation, field: F) {
  const queryClient = useQueryClient();
  const detailKey = segmentKeys.detail(location, location.segmentKey);
  return useMutation({
    mutationFn: ({ value, version }: SettingUpdate<F>) =>
      apiFetch<SegmentResponse>(segmentPath(location), {
        method: "PATCH",
        body: JSON.stringify([
          { op: "test", path: "/version", value: version },
          { op: "replace", path: `/${field}`, value },
        ]),
      }),
    onMutate: async ({ value }) => {
      await queryClient.cancelQueries({ queryKey: detailKey });
      const previous = queryClient.getQueryData<SegmentResponse>(detailKey);
      if (previous !== undefined)
        queryClient.setQueryData<SegmentResponse>(detailKey, { ...previous, [field]: value });
      return { previous };
    },
    onError: (_error, _update, context) => {
      if (context?.previous !== undefined) queryClient.setQueryData(detailKey, context.previous);
    },
    onSuccess: (segment) => queryClient.setQueryData(detailKey, segment),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentKeys.lists(location) }),
        queryClient.invalidateQueries({ queryKey: segmentHistoryKeys.segment(location) }),
      ]),
  });
}

export function useUpdateSegmentName(location: SegmentLocation) {
  return useUpdateSegmentSetting(location, "name");
}

export function useUpdateSegmentDescription(location: SegmentLocation) {
  return useUpdateSegmentSetting(location, "description");
}

export function useUpdateSegmentTags(location: SegmentLocation) {
  return useUpdateSegmentSetting(location, "tags");
}

export function useDeleteSegment(location: SegmentLocation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<undefined>(segmentPath(location), { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentKeys.lists(location) }),
        // Marked stale without refetching: the open page is about to leave, and a refetch would only answer 404.
        queryClient.invalidateQueries({
          queryKey: segmentKeys.detail(location, location.segmentKey),
          refetchType: "none",
        }),
      ]),
  });
}

export type BulkTagsInput = { keys: string[]; add?: string[]; remove?: string[] };

/** Adds and removes tags on several segments in one request; the server checks every segment before it writes any. */
export function useBulkTagSegments(location: EnvironmentLocation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkTagsInput) =>
      apiFetch<{ items: SegmentResponse[] }>(
        `/api/v2/segment-tags/${encodeURIComponent(location.projectKey)}/${encodeURIComponent(location.environmentKey)}`,
        {
          method: "POST",
          body: JSON.stringify(input),
        },
      ),
    onSuccess: ({ items }) => {
      for (const segment of items)
        queryClient.setQueryData(segmentKeys.detail(location, segment.key), segment);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentKeys.lists(location) }),
        ...items.map((segment) =>
          queryClient.invalidateQueries({
            queryKey: segmentHistoryKeys.segment({ ...location, segmentKey: segment.key }),
          }),
        ),
      ]);
    },
  });
}
