import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Collection } from "@/lib/schemas/common";
import {
  SEGMENT_SORTS,
  type SegmentResponse,
  type SegmentSettings,
  type SegmentSort,
  type SegmentTagList,
} from "@/lib/schemas/segment";
import { apiFetch } from "@/lib/queries/api-client";
import { segmentHistoryKeys } from "@/lib/queries/audit";

export type EnvironmentLocation = { projectKey: string; environmentKey: string };
export type SegmentLocation = EnvironmentLocation & { segmentKey: string };

/** Besides one integration's key: any segment, segments synced by any tool, or segments managed here. */
export type IntegrationFilter = "any" | "synced" | "unsynced" | (string & {});
export const FRESHNESS_FILTERS = ["fresh", "partial", "stale", "never", "failed"] as const;
export type FreshnessFilter = "any" | (typeof FRESHNESS_FILTERS)[number];

/** Everything the segment list shows is decided by the server: these become the API's `filter`, `sort` and paging. */
export type SegmentListFilters = {
  query: string;
  tags: string[];
  integration: IntegrationFilter;
  freshness: FreshnessFilter;
  sort: SegmentSort;
  offset: number;
  limit: number;
};

export const SEGMENT_PAGE_SIZE = 20;

export const DEFAULT_SEGMENT_FILTERS: SegmentListFilters = {
  query: "",
  tags: [],
  integration: "any",
  freshness: "any",
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
  tags: (location: EnvironmentLocation) =>
    [...segmentKeys.all, "tags", location.projectKey, location.environmentKey] as const,
};

const tagsPath = ({ projectKey, environmentKey }: EnvironmentLocation) =>
  `/api/v2/segment-tags/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}`;

/** `,` `|` `(` `)` structure the filter and `[`/`]`/`"` delimit values, so a search for them searches for a space instead. */
function filterText(text: string): string {
  return text.replace(/[,[\]|()"]/g, " ").trim();
}

/** LaunchDarkly's `filter` parameter for these filters, or undefined for none. */
export function segmentFilterParameter(filters: SegmentListFilters): string | undefined {
  const clauses: string[] = [];
  const query = filterText(filters.query);
  if (query !== "") clauses.push(`query equals ${query}`);
  if (filters.tags.length > 0) clauses.push(`tags anyOf [${filters.tags.join(",")}]`);
  if (filters.integration === "synced") clauses.push("synced equals true");
  else if (filters.integration === "unsynced") clauses.push("synced equals false");
  else if (filters.integration !== "any") clauses.push(`external equals ${filters.integration}`);
  if (filters.freshness !== "any") clauses.push(`freshness equals ${filters.freshness}`);
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

function isFreshness(value: string): value is FreshnessFilter {
  return (FRESHNESS_FILTERS as readonly string[]).includes(value);
}

/**
 * The list's filters from the page URL (`?q=&tags=a,b&integration=&freshness=&sort=&offset=`), so that a filtered page can be
 * reloaded, shared and prefetched by the server page. Anything unreadable falls back to the default.
 */
export function filtersFromSearchParams(params: SearchParamsLike): SegmentListFilters {
  const offset = Number(readParam(params, "offset"));
  const sort = readParam(params, "sort");
  const integration = readParam(params, "integration");
  const freshness = readParam(params, "freshness");
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
    freshness: isFreshness(freshness) ? freshness : "any",
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
  if (filters.freshness !== "any") params.set("freshness", filters.freshness);
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

/** `refetchInterval`: the segment header polls, so counts and sync state follow pushes on every tab without a reload. */
export function useSegment(location: SegmentLocation, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: segmentKeys.detail(location, location.segmentKey),
    queryFn: () => apiFetch<SegmentResponse>(segmentPath(location)),
    refetchInterval: options.refetchInterval,
  });
}

/** As a patch sets them: no description is null (the API's answers omit it). */
type SettingValues = Pick<SegmentSettings, "name" | "description" | "tags">;
export type SettingField = keyof SettingValues;

export type SettingUpdate<F extends SettingField> = {
  value: SettingValues[F];
  /** The setting's value when the person started editing: the save fails with 409 if someone changed it since. */
  expected: SettingValues[F];
};

/**
 * One setting, saved alone with a JSON Patch `test` of that setting's value when editing began, so that a save over
 * someone else's change of the same setting is refused (409 `optimistic_locking_error`) while changes to the other
 * settings do not get in its way. The header, Overview and the form show the new value at once and go back when the save
 * fails.
 */
function useUpdateSegmentSetting<F extends SettingField>(location: SegmentLocation, field: F) {
  const queryClient = useQueryClient();
  const detailKey = segmentKeys.detail(location, location.segmentKey);
  return useMutation({
    mutationFn: ({ value, expected }: SettingUpdate<F>) =>
      apiFetch<SegmentResponse>(segmentPath(location), {
        method: "PATCH",
        body: JSON.stringify([
          { op: "test", path: `/${field}`, value: expected },
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
        queryClient.invalidateQueries({ queryKey: segmentKeys.tags(location) }),
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
      apiFetch<{ items: SegmentResponse[] }>(tagsPath(location), {
        method: "POST",
        body: JSON.stringify(input),
      }),
    onSuccess: ({ items }) => {
      for (const segment of items)
        queryClient.setQueryData(segmentKeys.detail(location, segment.key), segment);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentKeys.lists(location) }),
        queryClient.invalidateQueries({ queryKey: segmentKeys.tags(location) }),
        ...items.map((segment) =>
          queryClient.invalidateQueries({
            queryKey: segmentHistoryKeys.segment({ ...location, segmentKey: segment.key }),
          }),
        ),
      ]);
    },
  });
}

/** The tags in use on the environment's segments the member may view: suggestions for tag inputs and filters. */
export function useSegmentTags(location: EnvironmentLocation) {
  return useQuery({
    queryKey: segmentKeys.tags(location),
    queryFn: () => apiFetch<SegmentTagList>(tagsPath(location)),
    staleTime: 30_000,
  });
}

/** Undoes a hand rename: the segment takes the tool's cohort name and follows its syncs again. */
export function useHandNameBackToTool(location: SegmentLocation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<SegmentResponse>(`${segmentPath(location)}/use-tool-name`, { method: "POST", body: "{}" }),
    onSuccess: (segment) => {
      queryClient.setQueryData(segmentKeys.detail(location, location.segmentKey), segment);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentKeys.lists(location) }),
        queryClient.invalidateQueries({ queryKey: segmentHistoryKeys.segment(location) }),
      ]);
    },
  });
}
