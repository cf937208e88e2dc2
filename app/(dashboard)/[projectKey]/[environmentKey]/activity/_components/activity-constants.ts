/** Shared by the server page (prefetch) and the client view, so both use the same query keys. */
export const ACTIVITY_PAGE_SIZE = 25;
export const FAILURES_SHOWN = 5;
export const STATS_HOURS = 48;
export const REJECTED_PUSHES_SHOWN = 10;
