import "server-only";
import { prisma } from "@/lib/server/db";
import {
  BASE_DELAY_MS,
  FREE_ATTEMPTS,
  MAX_DELAY_MS,
  signInDelayMs,
} from "@/lib/server/auth/sign-in-throttle";

/** Doublings past which the delay is capped anyway; keeps `power` far from overflowing after many failures. */
const MAX_DOUBLINGS = 30;

/**
 * Claims the right to check one password for `email`, counting the attempt as a failure until it succeeds (a success
 * deletes the row). One statement: the count and the check cannot be split by concurrent attempts, so parallel guesses
 * get no more password checks than sequential ones. Returns null when the attempt may proceed, else the seconds to wait.
 */
export async function reserveSignInAttempt(email: string): Promise<number | null> {
  const reserved = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO sign_in_throttle AS t (email, failures, last_failure_at) VALUES (${email}, 1, now())
    ON CONFLICT (email) DO UPDATE SET failures = t.failures + 1, last_failure_at = now()
    WHERE t.failures < ${FREE_ATTEMPTS}
       OR t.last_failure_at + make_interval(secs => least(${MAX_DELAY_MS}::float8,
            ${BASE_DELAY_MS}::float8 * power(2, least(t.failures - ${FREE_ATTEMPTS}, ${MAX_DOUBLINGS}))) / 1000) <= now()
    RETURNING t.failures`;
  if (reserved.length > 0) return null;
  const throttle = await prisma.signInThrottle.findUnique({ where: { email } });
  const waitMs = throttle
    ? throttle.lastFailureAt.getTime() + signInDelayMs(throttle.failures) - Date.now()
    : 0;
  return Math.max(1, Math.ceil(waitMs / 1000));
}
