import "server-only";
import { env } from "@/lib/env";
import { createAttemptLimiter } from "@/lib/server/api/create-attempt-limiter";
import { SIGN_IN_LIMIT_WINDOW_SECONDS } from "@/lib/server/auth/sign-in-limits";

/**
 * Counts one sign-in attempt against the per-minute limits of all clients together and of the client's address, before
 * anything else is done for it. Returns the seconds to wait when either is spent, else null.
 */
export const consumeSignInAttempt = createAttemptLimiter(() => ({
  keyPrefix: "sign-in",
  perAddress: env().TRIBUTARY_SIGN_IN_LIMIT_PER_IP_PER_MINUTE,
  all: env().TRIBUTARY_SIGN_IN_LIMIT_PER_MINUTE,
  windowSeconds: SIGN_IN_LIMIT_WINDOW_SECONDS,
}));
