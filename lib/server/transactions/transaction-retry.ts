import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import { sqlStateOf } from "@/lib/server/errors/sql-state-of";
import { TransactionConflict } from "@/lib/server/transactions/transaction-conflict";

/** A transaction is run at most this many times when it keeps colliding with concurrent ones. */
export const MAX_TRANSACTION_ATTEMPTS = 4;

/** serialization_failure, deadlock_detected: PostgreSQL rolled the transaction back and it may simply run again. */
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);
/** Prisma's "write conflict or deadlock", when its error carries no SQLSTATE. */
const PRISMA_WRITE_CONFLICT = "P2034";

export type RetryPolicy = {
  /** 1 runs the work once, with no retry. */
  maxAttempts?: number;
  /** The 409 `conflict` message when every attempt collided. */
  conflictMessage?: string;
};

const DEFAULT_CONFLICT_MESSAGE =
  "The resource is being changed by other requests at the same time; retry the request";

function isRetryable(error: unknown): boolean {
  if (error instanceof TransactionConflict) return true;
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  if (typeof code === "string" && (RETRYABLE_SQLSTATES.has(code) || code === PRISMA_WRITE_CONFLICT))
    return true;
  // Through Prisma's driver adapter, PostgreSQL's SQLSTATE sits deeper in the error.
  const state = sqlStateOf(error);
  return state !== undefined && RETRYABLE_SQLSTATES.has(state);
}

function backoff(attempt: number): Promise<void> {
  // Jitter, so that transactions that collided once do not collide again in lockstep.
  const ms = attempt * 10 + Math.random() * 40;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `attempt` (one whole transaction, begun and ended inside it) and runs it again from the start when PostgreSQL
 * reports a serialization failure or deadlock, or the work threw `TransactionConflict` (it lost a creation race). Any
 * other error propagates at once. Still colliding after the last attempt is a 409 `conflict`, so the caller may retry.
 */
export async function retryTransaction<T>(attempt: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
  const maxAttempts = policy.maxAttempts ?? MAX_TRANSACTION_ATTEMPTS;
  for (let count = 1; ; count++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (count >= maxAttempts) {
        throw new ApiError("conflict", policy.conflictMessage ?? DEFAULT_CONFLICT_MESSAGE);
      }
      if (!(error instanceof TransactionConflict) || error.backoff) await backoff(count);
    }
  }
}
