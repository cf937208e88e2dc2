import "server-only";
import { ALERT_DELIVERIES_PER_PASS } from "@/lib/server/alerts/alert-worker-limits";
import { attemptAlertDelivery } from "@/lib/server/alerts/attempt-alert-delivery";
import type { RetryPolicy } from "@/lib/server/alerts/next-alert-attempt";
import { withAlertLock } from "@/lib/server/alerts/with-alert-lock";
import { prisma } from "@/lib/server/db";

export const ALERT_OUTBOX_LOCK = "alerts:outbox";

export type AlertDrainOptions = {
  /** The clock (tests move it instead of waiting). */
  now?: () => Date;
  retry?: RetryPolicy;
  timeoutMs?: number;
};

/**
 * Sends the due messages of the alert outbox (at most `ALERT_DELIVERIES_PER_PASS`, in parallel) under the outbox's
 * advisory lock, so each message is sent by one worker only, once per attempt; returns how many it attempted
 * (null: another worker holds the lock).
 */
export async function drainAlertDeliveries(options: AlertDrainOptions = {}): Promise<number | null> {
  const clock = options.now ?? (() => new Date());
  return withAlertLock(ALERT_OUTBOX_LOCK, async () => {
    const now = clock();
    const due = await prisma.alertDelivery.findMany({
      where: { status: "pending", nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      take: ALERT_DELIVERIES_PER_PASS,
      select: {
        id: true,
        body: true,
        attempts: true,
        createdAt: true,
        destination: { select: { url: true, secret: true } },
      },
    });
    await Promise.all(
      due.map((delivery) =>
        attemptAlertDelivery(delivery, { now, retry: options.retry, timeoutMs: options.timeoutMs }),
      ),
    );
    return due.length;
  });
}
