import "server-only";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { serializeAlertDestination } from "@/lib/server/alerts/serialize-alert";
import { alertDestinationNotFound } from "@/lib/server/alerts/update-alert-destination";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/** Deletes a destination with its delivery log; its pending messages are not sent. */
export async function deleteAlertDestination(
  principal: Principal,
  environment: AlertEnvironment,
  destinationId: string,
) {
  await runTransaction(async (tx) => {
    const destination = await tx.alertDestination.findFirst({
      where: { id: destinationId, environmentId: environment.id },
    });
    if (!destination) throw alertDestinationNotFound(destinationId);
    await tx.alertDestination.delete({ where: { id: destinationId } });
    await recordAuditEntry(tx, principal, {
      kind: "alert",
      name: destination.name,
      description: `Deleted the alert destination ${destination.name} of ${environment.project.key}/${environment.key}`,
      action: "updateEnvironment",
      target: environmentResource(environment.project, environment),
      previous: serializeAlertDestination(destination),
    });
  });
}
