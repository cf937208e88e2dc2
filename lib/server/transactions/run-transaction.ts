import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { retryTransaction, type RetryPolicy } from "@/lib/server/transactions/transaction-retry";

export type TransactionOptions = RetryPolicy & {
  /** PostgreSQL's default, read committed, when not given. */
  isolation?: Prisma.TransactionIsolationLevel;
  /** How long to wait for a connection from the pool (Prisma's default 2 s). */
  maxWaitMs?: number;
  /** How long the whole transaction may run before Prisma rolls it back (Prisma's default 5 s). */
  timeoutMs?: number;
};

/**
 * The one way to run a Prisma transaction: `work` runs in one interactive transaction, again from the start when it
 * collides with a concurrent one (see `retryTransaction`), so it must not change anything outside the database before it
 * returns. For raw SQL on a `pg` connection of its own, see `runSqlTransaction`.
 */
export function runTransaction<T>(
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const { isolation, maxWaitMs, timeoutMs, ...policy } = options;
  return retryTransaction(
    () =>
      prisma.$transaction(work, {
        ...(isolation === undefined ? {} : { isolationLevel: isolation }),
        ...(maxWaitMs === undefined ? {} : { maxWait: maxWaitMs }),
        ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
      }),
    policy,
  );
}
