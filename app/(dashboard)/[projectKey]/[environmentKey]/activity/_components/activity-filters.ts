import type { SyncRunFilter } from "@/lib/queries/sync-runs";
import { SYNC_RUN_STATUSES, type SyncRunStatus } from "@/lib/schemas/sync-run";
import { ACTIVITY_PAGE_SIZE } from "./activity-constants";

/**
 * The activity page's run filters, as its URL holds them (so a filtered list survives a reload and Back, and can be
 * shared): `status`, `source` (an integration key, `contexts` or `import`), `segment` (a segment key), `offset`.
 */
export type ActivityFilters = {
  status: SyncRunStatus | null;
  source: string;
  segment: string;
  offset: number;
};

export const NO_ACTIVITY_FILTERS: ActivityFilters = { status: null, source: "", segment: "", offset: 0 };

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function param(params: SearchParamsLike, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

const OFFSET = /^\d{1,9}$/;

/** The filters a URL asks for; anything malformed is dropped rather than sent on to fail. */
export function readActivityFilters(params: SearchParamsLike): ActivityFilters {
  const status = param(params, "status");
  const offset = param(params, "offset");
  return {
    status: (SYNC_RUN_STATUSES as readonly string[]).includes(status) ? (status as SyncRunStatus) : null,
    source: param(params, "source"),
    segment: param(params, "segment"),
    offset: OFFSET.test(offset) ? Number(offset) : 0,
  };
}

/** The URL query for `filters`, leaving out every default. */
export function writeActivityFilters(filters: ActivityFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status) query.set("status", filters.status);
  if (filters.source) query.set("source", filters.source);
  if (filters.segment) query.set("segment", filters.segment);
  if (filters.offset > 0) query.set("offset", String(filters.offset));
  return query;
}

export function hasActivityFilters(filters: ActivityFilters): boolean {
  return filters.status !== null || filters.source !== "" || filters.segment !== "";
}

/** The API filter for the page's URL filters: the same object on the server (prefetch) and here, so one query key. */
export function runsFilter(filters: ActivityFilters): SyncRunFilter {
  return {
    ...(filters.source ? { integration: filters.source } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.segment ? { segment: filters.segment } : {}),
    limit: ACTIVITY_PAGE_SIZE,
    offset: filters.offset,
  };
}
