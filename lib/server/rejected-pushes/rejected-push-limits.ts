/** The statuses of a refused partner push or membership request that are recorded; others (409, 5xx) are not refusals. */
export const RECORDED_REFUSAL_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 413, 415, 429]);

/**
 * Rows of their own per minute for one environment (or none), integration and reason; further refusals of that minute
 * add to one aggregate row with a count, so a flood of bad requests cannot fill the disk.
 */
export const MAX_REJECTED_PUSH_ROWS_PER_MINUTE = 10;

export { REJECTED_PUSH_RETENTION_DAYS } from "@/lib/schemas/rejected-push";

/** How often one process deletes expired rows, at most (on its next recording). */
export const REJECTED_PUSH_PRUNE_INTERVAL_MS = 60_000;

/** Member ids kept of a refused request, at most, each cut to MEMBER_SAMPLE_ID_LENGTH characters. */
export const MEMBER_SAMPLE_SIZE = 3;
export const MEMBER_SAMPLE_ID_LENGTH = 64;

/** A client-side ID, an integration key or a message is kept up to this many characters. */
export const REFUSAL_TEXT_LENGTH = 64;
export const REFUSAL_MESSAGE_LENGTH = 300;

/**
 * Distinct refusals waiting in one process to be written. Identical ones (same route, reason, token, environment) only
 * add to a waiting one's count; past this bound new kinds are dropped and the drop is logged.
 */
export const MAX_QUEUED_REFUSALS = 1_000;

/** The integration recorded for a partner path that names no integration (its key is attacker-chosen text). */
export const UNKNOWN_INTEGRATION = "(unknown)";
