import { PROJECT_SORTS, type ProjectSort } from "@/lib/schemas/project-filter";

export const PROJECT_PAGE_SIZE = 20;
/** Longest search on the Projects page; the API's filter takes it as `query:<text>`, well within its own limit. */
export const PROJECT_SEARCH_MAX_LENGTH = 200;

/** What the Projects page shows; decided by the API (`GET /api/v2/projects`) and kept in the page URL. */
export type ProjectListFilters = { q: string; sort: ProjectSort; offset: number; limit: number };

export const DEFAULT_PROJECT_FILTERS: ProjectListFilters = {
  q: "",
  sort: "createdOn",
  offset: 0,
  limit: PROJECT_PAGE_SIZE,
};

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function readParam(params: SearchParamsLike, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function isSort(value: string): value is ProjectSort {
  return (PROJECT_SORTS as readonly string[]).includes(value);
}

/**
 * The list's state from the page URL (`?q=&sort=&offset=`); anything unreadable is the default. A comma cannot be
 * searched for: it separates the API's filter clauses.
 */
export function projectFiltersFromSearchParams(params: SearchParamsLike): ProjectListFilters {
  const sort = readParam(params, "sort");
  const offset = Number(readParam(params, "offset"));
  return {
    ...DEFAULT_PROJECT_FILTERS,
    q: readParam(params, "q").replaceAll(",", " ").trim().slice(0, PROJECT_SEARCH_MAX_LENGTH),
    sort: isSort(sort) ? sort : DEFAULT_PROJECT_FILTERS.sort,
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The page URL's query for this state; defaults are left out so that the plain list has a plain URL. */
export function projectFiltersToSearchParams(filters: ProjectListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q !== "") params.set("q", filters.q);
  if (filters.sort !== DEFAULT_PROJECT_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.offset > 0) params.set("offset", String(filters.offset));
  return params;
}

/** The API's query for this state. */
export function projectListPath(filters: ProjectListFilters): string {
  const params = new URLSearchParams({
    limit: String(filters.limit),
    offset: String(filters.offset),
    sort: filters.sort,
  });
  if (filters.q !== "") params.set("filter", `query:${filters.q}`);
  return `/api/v2/projects?${params.toString()}`;
}
