import "server-only";
import type { PoolClient } from "pg";
import { pgPool } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { acquireMembershipWriteSlot } from "@/lib/server/membership/membership-write-slots";
import { TransactionConflict } from "@/lib/server/membership/transaction-conflict";

const MAX_ATTEMPTS = 4;
/** serialization_failure, deadlock_detected */
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

function isRetryable(error: unknown): boolean {
  if (error instanceof TransactionConflict) return true;
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  return typeof error.code === "string" && RETRYABLE_SQLSTATES.has(error.code);
}

function backoff(attempt: number): Promise<void> {
  // Jitter, so that transactions that collided once do not collide again in lockstep.
  const ms = attempt * 10 + Math.random() * 40;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `work` in one transaction on a connection of its own from the raw pool (once a membership write slot is free for a
 * transaction of `keys` keys; unknown counts as large), and
 * runs it again (from the start, on a fresh connection) when PostgreSQL reports a serialization failure or deadlock or the
 * work lost a creation race.
 * Any other error rolls back and propagates: nothing the work wrote survives. Still colliding after the last attempt is a
 * 409 `conflict` (the resource is in use), so the caller may retry.
 */
export async function runMembershipTransaction<T>(
  work: (client: PoolClient) => Promise<T>,
  options: { keys?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const release = await acquireMembershipWriteSlot(options.keys);
    let client: PoolClient;
    try {
      client = await pgPool().connect();
    } catch (error) {
      release();
      throw error;
    }
    let broken: Error | undefined;
    let waitBeforeRetry = true;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: unknown) => {
        // A connection that cannot even roll back must not go back into the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error("ROLLBACK failed");
      });
      if (!isRetryable(error)) throw error;
      waitBeforeRetry = !(error instanceof TransactionConflict) || error.backoff;
      if (attempt >= MAX_ATTEMPTS) {
        throw new ApiError(
          "conflict",
          "The segment is being changed by other requests at the same time; retry the request",
        );
      }
    } finally {
      client.release(broken);
      release();
    }
    if (waitBeforeRetry) await backoff(attempt);
  }
}
