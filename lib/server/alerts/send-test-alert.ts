import "server-only";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { drainAlertDeliveries } from "@/lib/server/alerts/drain-alert-deliveries";
import { queueAlertMessages } from "@/lib/server/alerts/queue-alert-messages";
import { alertDestinationNotFound } from "@/lib/server/alerts/update-alert-destination";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/**
 * Queues a test message for one destination and drains the outbox once at once (when another worker holds it, that
 * worker sends it on its next pass); the delivery log shows the outcome. Returns the queued delivery's id.
 */
export async function sendTestAlert(environment: AlertEnvironment, destinationId: string): Promise<string> {
  const now = new Date();
  const [id] = await runTransaction(async (tx) => {
    const destination = await tx.alertDestination.findFirst({
      where: { id: destinationId, environmentId: environment.id },
      select: { id: true },
    });
    if (!destination) throw alertDestinationNotFound(destinationId);
    return queueAlertMessages(
      tx,
      environment.id,
      {
        event: "alert.test",
        incidentId: null,
        rule: null,
        projectKey: environment.project.key,
        environmentKey: environment.key,
        subject: "test",
        summary: "A test message from Tributary: this destination receives the environment's alerts.",
        openedAt: now.toISOString(),
        resolvedAt: null,
      },
      { destinationId },
    );
  });
  await drainAlertDeliveries();
  return id ?? "";
}
