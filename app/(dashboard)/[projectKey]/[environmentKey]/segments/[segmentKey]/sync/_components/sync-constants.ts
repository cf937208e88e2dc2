/** Shared by the server page (prefetch) and the client view, so both use the same query keys. */
export const SYNC_RUNS_PAGE_SIZE = 20;
