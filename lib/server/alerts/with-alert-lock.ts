import "server-only";
import { tryLockAlertOutboxStatement } from "@/lib/server/alerts/try-lock-alert-outbox-statement";
import { unlockAlertOutboxStatement } from "@/lib/server/alerts/unlock-alert-outbox-statement";
import { pgPool } from "@/lib/server/db";

/**
 * Runs `work` only while this process holds the session advisory lock `lockKey` (as the store worker does per store), so
 * with several app instances exactly one evaluates rules or drains the alert outbox at a time; the others skip the pass.
 * Returns null when another worker holds the lock.
 */
export async function withAlertLock<T>(lockKey: string, work: () => Promise<T>): Promise<T | null> {
  const db = await pgPool().connect();
  try {
    const locked = await db.query<{ locked: boolean }>(tryLockAlertOutboxStatement.query({ lockKey }));
    if (!locked.rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      await db.query(unlockAlertOutboxStatement.query({ lockKey }));
    }
  } finally {
    db.release();
  }
}
