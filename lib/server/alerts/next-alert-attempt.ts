import {
  ALERT_RETRY_FIRST_MS,
  ALERT_RETRY_GIVE_UP_MS,
  ALERT_RETRY_MAX_MS,
} from "@/lib/server/alerts/alert-worker-limits";

export type RetryPolicy = { firstMs: number; maxMs: number; giveUpMs: number };

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstMs: ALERT_RETRY_FIRST_MS,
  maxMs: ALERT_RETRY_MAX_MS,
  giveUpMs: ALERT_RETRY_GIVE_UP_MS,
};

/**
 * When a failed delivery is tried again (the first retry after `firstMs`, doubling, capped at `maxMs`), or null when the
 * message is older than `giveUpMs` and is marked failed instead.
 */
export function nextAlertAttempt(
  attempts: number,
  queuedAt: Date,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Date | null {
  if (now.getTime() - queuedAt.getTime() >= policy.giveUpMs) return null;
  const wait = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + wait);
}
