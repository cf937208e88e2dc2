import { RateLimiterRes } from "rate-limiter-flexible";

export type RateLimitOutcome = {
  allowed: boolean;
  remaining: number;
  /** Epoch milliseconds when the current window ends. */
  resetAt: number;
  retryAfterSeconds: number;
};

type Waiter = { resolve: (outcome: RateLimitOutcome) => void; reject: (error: unknown) => void };

/** Window positions this instance has counted in the store ahead of its requests: `next` up to `last`, until `expiresAt`. */
type LeasedRange = { next: number; last: number; expiresAt: number };

/** Per limiter key: requests waiting for a count, whether a count is being written now, and the leased positions. */
type KeyState = { waiting: Waiter[]; writing: boolean; leased: LeasedRange[] };

/** The store a counter writes to: rate-limiter-flexible's `consume`, which resolves or rejects with the window's totals. */
type CountStore = { consume: (key: string, points: number) => Promise<RateLimiterRes> };

export type RateLimitCounter = (subject: string, route: string) => Promise<RateLimitOutcome>;

/**
 * Counts requests against `points` per window in a store shared by every app instance.
 *
 * One count per key is written at a time: requests that arrive meanwhile are counted together by the next write
 * (`consume(key, n)`), and the total it returns says where each of them falls in the window, so every request gets the
 * same answer as if it had been counted alone. Each write also counts `leaseSize` positions ahead (the lease), which
 * this instance then hands out to its next requests without a write; once half of them are used, the next lease is
 * written in the background, so a steady stream of requests never waits for the store.
 *
 * Measured on a lookup with one client: the per-request write was half of the web server's CPU per lookup and more
 * than half of PostgreSQL's (p99 3.9-4.7 ms against 1.7-1.9 ms without a limiter). With one instance the answers are
 * exactly those of counting every request alone; with several, an instance's unused positions still count against the
 * window, so a token can be refused up to 1.5 leases per other instance early, never let through late.
 */
export function createRateLimitCounter(options: {
  store: () => CountStore;
  points: () => number;
  leaseSize: () => number;
}): RateLimitCounter {
  const states = new Map<string, KeyState>();

  /** Positions left in the lease; used-up or expired ranges are dropped (they are in order, oldest first). */
  function leasedLeft(state: KeyState, now: number): number {
    for (let range = state.leased[0]; range; range = state.leased[0]) {
      if (range.next <= range.last && range.expiresAt > now) break;
      state.leased.shift();
    }
    let left = 0;
    for (const range of state.leased) left += range.last - range.next + 1;
    return left;
  }

  function fromLease(state: KeyState): RateLimitOutcome | null {
    const now = Date.now();
    if (leasedLeft(state, now) === 0) return null;
    const range = state.leased[0];
    if (!range) return null;
    const position = range.next++;
    const points = options.points();
    return outcome(position <= points, Math.max(0, points - position), range.expiresAt - now);
  }

  async function writeCount(key: string, state: KeyState): Promise<void> {
    const batch = state.waiting;
    state.waiting = [];
    state.writing = true;
    try {
      const spare = options.leaseSize();
      let result: RateLimiterRes;
      try {
        result = await options.store().consume(key, batch.length + spare);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        result = rejection;
      }
      const points = options.points();
      const first = result.consumedPoints - spare - batch.length + 1;
      batch.forEach((waiter, index) => {
        const position = first + index;
        waiter.resolve(outcome(position <= points, Math.max(0, points - position), result.msBeforeNext));
      });
      if (spare > 0) {
        const expiresAt = Date.now() + result.msBeforeNext;
        state.leased.push({ next: first + batch.length, last: result.consumedPoints, expiresAt });
      }
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    } finally {
      state.writing = false;
      while (state.waiting.length > 0) {
        const answer = fromLease(state);
        if (!answer) break;
        state.waiting.shift()?.resolve(answer);
      }
      if (state.waiting.length > 0) void writeCount(key, state);
      else if (leasedLeft(state, Date.now()) === 0) states.delete(key);
      else if (states.size > 10_000) forgetExpiredLeases();
    }
  }

  function forgetExpiredLeases() {
    const now = Date.now();
    for (const [key, state] of states) {
      if (!state.writing && state.waiting.length === 0 && leasedLeft(state, now) === 0) states.delete(key);
    }
  }

  return (subject, route) => {
    const key = `${subject}:${route}`;
    let state = states.get(key);
    if (!state) {
      state = { waiting: [], writing: false, leased: [] };
      states.set(key, state);
    }
    const answer = state.waiting.length === 0 ? fromLease(state) : null;
    if (answer) {
      // Half the lease used: count the next one now, while this one still answers.
      if (!state.writing && leasedLeft(state, Date.now()) * 2 < options.leaseSize())
        void writeCount(key, state);
      return Promise.resolve(answer);
    }
    const current = state;
    return new Promise((resolve, reject) => {
      current.waiting.push({ resolve, reject });
      if (!current.writing) void writeCount(key, current);
    });
  };
}

function outcome(allowed: boolean, remaining: number, msBeforeNext: number): RateLimitOutcome {
  return {
    allowed,
    remaining,
    resetAt: Date.now() + msBeforeNext,
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  };
}
