import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildAlertBody, type AlertEvent } from "@/lib/server/alerts/build-alert-body";

/** Queues one message per destination of the environment in the outbox, in the caller's transaction. */
export async function queueAlertMessages(
  tx: Prisma.TransactionClient,
  environmentId: string,
  event: AlertEvent,
  only?: { destinationId: string },
): Promise<string[]> {
  const destinations = await tx.alertDestination.findMany({
    where: { environmentId, ...(only && { id: only.destinationId }) },
    select: { id: true, kind: true },
  });
  const ids: string[] = [];
  for (const destination of destinations) {
    const created = await tx.alertDelivery.create({
      data: {
        destinationId: destination.id,
        incidentId: event.incidentId,
        event: event.event.replace("alert.", ""),
        body: buildAlertBody(destination.kind, event),
      },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return ids;
}
