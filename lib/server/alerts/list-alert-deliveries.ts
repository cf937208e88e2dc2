import "server-only";
import type { AlertDelivery } from "@/lib/schemas/alerts";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { prisma } from "@/lib/server/db";

/** The delivery log shows an environment's latest messages, this many at most. */
export const ALERT_DELIVERY_LOG_SIZE = 100;

/** The environment's latest messages, newest first, with status, attempts and the last answer's code (never bodies). */
export async function listAlertDeliveries(environment: AlertEnvironment): Promise<AlertDelivery[]> {
  const deliveries = await prisma.alertDelivery.findMany({
    where: { destination: { environmentId: environment.id } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ALERT_DELIVERY_LOG_SIZE,
    include: { destination: { select: { name: true } } },
  });
  return deliveries.map((delivery) => ({
    _id: delivery.id,
    destinationId: delivery.destinationId,
    destinationName: delivery.destination.name,
    event: delivery.event,
    status: delivery.status === "delivered" || delivery.status === "failed" ? delivery.status : "pending",
    attempts: delivery.attempts,
    creationDate: delivery.createdAt.getTime(),
    nextAttemptDate: delivery.status === "pending" ? delivery.nextAttemptAt.getTime() : null,
    lastAttemptDate: delivery.lastAttemptAt?.getTime() ?? null,
    lastResponseCode: delivery.lastResponseCode,
    lastError: delivery.lastError,
  }));
}
