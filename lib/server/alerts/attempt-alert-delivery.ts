import "server-only";
import { ALERT_ERROR_CHARACTERS } from "@/lib/server/alerts/alert-worker-limits";
import { nextAlertAttempt, type RetryPolicy } from "@/lib/server/alerts/next-alert-attempt";
import { sendAlertRequest } from "@/lib/server/alerts/send-alert-request";
import { prisma } from "@/lib/server/db";

export type DueDelivery = {
  id: string;
  body: string;
  attempts: number;
  createdAt: Date;
  destination: { url: string; secret: string | null };
};

export type AttemptOptions = { now: Date; retry?: RetryPolicy; timeoutMs?: number };

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.slice(0, ALERT_ERROR_CHARACTERS) ?? "unknown error";
}

/** Sends one queued message once and records the outcome: delivered on a 2xx, else retried later or marked failed. */
export async function attemptAlertDelivery(delivery: DueDelivery, options: AttemptOptions): Promise<void> {
  const attempts = delivery.attempts + 1;
  let code: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  try {
    const response = await sendAlertRequest({
      url: delivery.destination.url,
      body: delivery.body,
      secret: delivery.destination.secret,
      deliveryId: delivery.id,
      now: options.now,
      timeoutMs: options.timeoutMs,
    });
    code = response.status;
    responseBody = response.body;
    if (code < 200 || code >= 300) error = `answered ${code}`;
  } catch (caught) {
    error = errorText(caught);
  }
  const base = {
    attempts,
    lastAttemptAt: options.now,
    lastResponseCode: code,
    lastResponseBody: responseBody,
    lastError: error,
  };
  if (error === null) {
    await prisma.alertDelivery.update({
      where: { id: delivery.id },
      data: { ...base, status: "delivered", deliveredAt: options.now },
    });
    return;
  }
  const next = nextAlertAttempt(attempts, delivery.createdAt, options.now, options.retry);
  await prisma.alertDelivery.update({
    where: { id: delivery.id },
    data: next ? { ...base, nextAttemptAt: next } : { ...base, status: "failed" },
  });
}
