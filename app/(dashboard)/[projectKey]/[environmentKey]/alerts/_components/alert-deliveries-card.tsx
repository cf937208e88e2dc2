"use client";

import { DateTime } from "@/components/time/date-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table-scroll";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useAlertDeliveries } from "@/lib/queries/alerts";
import type { AlertDelivery } from "@/lib/schemas/alerts";
import type { AlertLocation } from "./alert-location";

const STATUS_TONES: Readonly<Record<AlertDelivery["status"], BadgeTone>> = {
  pending: "warning",
  delivered: "success",
  failed: "danger",
};

export function AlertDeliveriesCard({ location }: { location: AlertLocation }) {
  const deliveries = useAlertDeliveries(location);
  return (
    <Card
      title="Delivery log"
      description="The latest 100 messages. Failed attempts are retried, waiting 30 s and doubling up to 1 h, for 24 h."
    >
      {deliveries.isPending ? <LoadingState /> : null}
      {deliveries.isError ? <ErrorState error={deliveries.error} /> : null}
      {deliveries.data && deliveries.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing sent yet.</p>
      ) : null}
      {deliveries.data && deliveries.data.items.length > 0 ? (
        <TableScroll label="Delivery log">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Queued</th>
                <th className="py-1 pr-3 font-medium">Destination</th>
                <th className="py-1 pr-3 font-medium">Event</th>
                <th className="py-1 pr-3 font-medium">Status</th>
                <th className="py-1 pr-3 font-medium">Attempts</th>
                <th className="py-1 pr-3 font-medium">Response</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((delivery) => (
                <tr key={delivery._id} className="border-t border-slate-100" data-testid="alert-delivery">
                  <td className="py-1 pr-3">
                    <DateTime epochMs={delivery.creationDate} style="relative" />
                  </td>
                  <td className="py-1 pr-3 break-words">{delivery.destinationName}</td>
                  <td className="py-1 pr-3">{delivery.event}</td>
                  <td className="py-1 pr-3">
                    <Badge tone={STATUS_TONES[delivery.status]}>{delivery.status}</Badge>
                  </td>
                  <td className="py-1 pr-3">{delivery.attempts}</td>
                  <td className="py-1 pr-3 break-words" title={delivery.lastError ?? undefined}>
                    {delivery.lastResponseCode ?? delivery.lastError ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Card>
  );
}
