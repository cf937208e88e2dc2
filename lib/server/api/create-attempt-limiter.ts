import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/lib/server/db";

export type AttemptLimits = {
  /** Names the two windows in the rate_limit table: `<keyPrefix>-ip` and `<keyPrefix>-all`. */
  keyPrefix: string;
  perAddress: number;
  all: number;
  windowSeconds: number;
};

function limiter(keyPrefix: string, points: number, windowSeconds: number): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pgPool(),
    storeType: "pool",
    // The table comes from the migrations (prisma/schema.prisma, model RateLimit), shared with the API's limits.
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix,
    points,
    duration: windowSeconds,
    clearExpiredByTimeout: true,
  });
}

/** Milliseconds until the window has room again, or null when this attempt fits. */
async function msUntilAllowed(window: RateLimiterPostgres, key: string): Promise<number | null> {
  try {
    await window.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
    throw rejection;
  }
}

/**
 * Per-address and all-clients windows for an unauthenticated form (sign-in, password links): the returned function counts
 * one attempt from an address and answers the seconds to wait when either window is spent, else null. The limits are read
 * on first use (after the environment is loaded); counted in PostgreSQL, so every app instance shares the windows.
 */
export function createAttemptLimiter(
  limits: () => AttemptLimits,
): (address: string) => Promise<number | null> {
  let windows: { all: RateLimiterPostgres; perAddress: RateLimiterPostgres } | undefined;
  return async (address) => {
    if (windows === undefined) {
      const { keyPrefix, perAddress, all, windowSeconds } = limits();
      windows = {
        all: limiter(`${keyPrefix}-all`, all, windowSeconds),
        perAddress: limiter(`${keyPrefix}-ip`, perAddress, windowSeconds),
      };
    }
    // The address first: one noisy client should spend its own budget, not everyone's.
    const waitMs =
      (await msUntilAllowed(windows.perAddress, address)) ?? (await msUntilAllowed(windows.all, "all"));
    return waitMs === null ? null : Math.max(1, Math.ceil(waitMs / 1000));
  };
}
