import "server-only";
import type { PoolClient } from "pg";
import { pgPool } from "@/lib/server/db";
import { acquireMembershipWriteSlot } from "@/lib/server/membership/membership-write-slots";
import { retryTransaction, type RetryPolicy } from "@/lib/server/transactions/transaction-retry";

export type SqlTransactionOptions = RetryPolicy & {
  /** How many keys the transaction writes, for the membership write slots; unknown counts as large. */
  keys?: number;
};

/**
 * `runTransaction` for raw SQL: `work` runs in one transaction on a `pg` connection of its own from the raw pool, once a
 * membership write slot is free for a transaction of `keys` keys, and again from the start (on a fresh connection) when
 * it collides with a concurrent one (see `retryTransaction`). Any other error rolls back and propagates: nothing the work
 * wrote survives.
 */
export function runSqlTransaction<T>(
  work: (client: PoolClient) => Promise<T>,
  options: SqlTransactionOptions = {},
): Promise<T> {
  const { keys, ...policy } = options;
  return retryTransaction(() => runOnce(work, keys), {
    conflictMessage: "The segment is being changed by other requests at the same time; retry the request",
    ...policy,
  });
}

async function runOnce<T>(work: (client: PoolClient) => Promise<T>, keys: number | undefined): Promise<T> {
  const release = await acquireMembershipWriteSlot(keys);
  let client: PoolClient;
  try {
    client = await pgPool().connect();
  } catch (error) {
    release();
    throw error;
  }
  let broken: Error | undefined;
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
    throw error;
  } finally {
    client.release(broken);
    release();
  }
}
