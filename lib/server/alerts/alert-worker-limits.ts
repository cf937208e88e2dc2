/** The alert worker's limits and timings, named once (see the README's alert section). */

/** Evaluation and delivery run this often in each worker process. */
export const ALERT_PASS_INTERVAL_MS = 5_000;
/** One delivery attempt gives up after this long (connect, send and answer together). */
export const ALERT_DELIVERY_TIMEOUT_MS = 5_000;
/** The first retry waits this long; each further one twice as long... */
export const ALERT_RETRY_FIRST_MS = 30_000;
/** ...up to this... */
export const ALERT_RETRY_MAX_MS = 60 * 60 * 1000;
/** ...and a message still undelivered this long after it was queued is marked failed. */
export const ALERT_RETRY_GIVE_UP_MS = 24 * 60 * 60 * 1000;
/** At most this many deliveries are attempted per pass (in parallel). */
export const ALERT_DELIVERIES_PER_PASS = 20;
/** Of an answer's body, at most this much is kept for the delivery log. */
export const ALERT_RESPONSE_BODY_BYTES = 1024;
/** Of an error's message, at most this much is kept. */
export const ALERT_ERROR_CHARACTERS = 500;
/** sync_failed and sync_skipped_over look at this many of the environment's latest sync runs. */
export const ALERT_RECENT_RUNS_EXAMINED = 200;
/** segment_stale with a learned interval: this many times the median interval of the recent successful syncs... */
export const STALE_INTERVAL_FACTOR = 3;
/** ...of at most this many intervals (the last 11 successful syncs)... */
export const STALE_INTERVALS_EXAMINED = 10;
/** ...learned only from at least this many intervals... */
export const STALE_MIN_INTERVALS = 2;
/** ...and never less than this. */
export const STALE_MIN_INTERVAL_MS = 5 * 60 * 1000;
/** segment_stale looks at most at this many synced segments per rule (the least recently synced first). */
export const STALE_SEGMENTS_EXAMINED = 1_000;
