import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { pgPool } from "@/lib/server/db";
import { SIGN_IN_LIMIT_WINDOW_SECONDS } from "@/lib/server/auth/sign-in-limits";

type Limiters = { all: RateLimiterPostgres; perAddress: RateLimiterPostgres };

let limiters: Limiters | undefined;

function signInLimiter(keyPrefix: string, points: number): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pgPool(),
    storeType: "pool",
    // The table comes from the migrations (prisma/schema.prisma, model RateLimit), shared with the API's limits.
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix,
    points,
    duration: SIGN_IN_LIMIT_WINDOW_SECONDS,
    clearExpiredByTimeout: true,
  });
}

function signInLimiters(): Limiters {
  limiters ??= {
    all: signInLimiter("sign-in-all", env().TRIBUTARY_SIGN_IN_LIMIT_PER_MINUTE),
    perAddress: signInLimiter("sign-in-ip", env().TRIBUTARY_SIGN_IN_LIMIT_PER_IP_PER_MINUTE),
  };
  return limiters;
}

/** Milliseconds until the window has room again, or null when this attempt fits. */
async function msUntilAllowed(limiter: RateLimiterPostgres, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
    throw rejection;
  }
}

/**
 * Counts one sign-in attempt against the per-minute limits of all clients together and of the client's address, before
 * anything else is done for it. Returns the seconds to wait when either is spent, else null. Counted in PostgreSQL, so
 * every app instance shares the windows.
 */
export async function consumeSignInAttempt(address: string): Promise<number | null> {
  const { all, perAddress } = signInLimiters();
  // The address first: one noisy client should spend its own budget, not everyone's.
  const waitMs = (await msUntilAllowed(perAddress, address)) ?? (await msUntilAllowed(all, "all"));
  return waitMs === null ? null : Math.max(1, Math.ceil(waitMs / 1000));
}
