import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/lib/server/db";
import {
  PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE,
  PASSWORD_LINK_ATTEMPTS_PER_MINUTE,
  PASSWORD_LINK_LIMIT_WINDOW_SECONDS,
} from "@/lib/server/invites/password-link-limits";

type Limiters = { all: RateLimiterPostgres; perAddress: RateLimiterPostgres };

let limiters: Limiters | undefined;

function linkLimiter(keyPrefix: string, points: number): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pgPool(),
    storeType: "pool",
    // The table comes from the migrations (model RateLimit), shared with the API's and sign-in's limits.
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix,
    points,
    duration: PASSWORD_LINK_LIMIT_WINDOW_SECONDS,
    clearExpiredByTimeout: true,
  });
}

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
 * Counts one use of an invite or reset link (a page view or a password submission) against the per-minute limits of the
 * client's address and of all clients, before anything else is done for it. Returns the seconds to wait when either is
 * spent, else null. Counted in PostgreSQL, so every app instance shares the windows.
 */
export async function consumePasswordLinkAttempt(address: string): Promise<number | null> {
  limiters ??= {
    all: linkLimiter("password-link-all", PASSWORD_LINK_ATTEMPTS_PER_MINUTE),
    perAddress: linkLimiter("password-link-ip", PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE),
  };
  const waitMs =
    (await msUntilAllowed(limiters.perAddress, address)) ?? (await msUntilAllowed(limiters.all, "all"));
  return waitMs === null ? null : Math.max(1, Math.ceil(waitMs / 1000));
}
