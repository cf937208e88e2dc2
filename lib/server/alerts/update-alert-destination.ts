import "server-only";
import type { AlertDestinationUpdate } from "@/lib/schemas/alerts";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { assertAlertUrlAllowed } from "@/lib/server/alerts/assert-alert-url-allowed";
import { serializeAlertDestination } from "@/lib/server/alerts/serialize-alert";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

export function alertDestinationNotFound(destinationId: string): ApiError {
  return new ApiError("not_found", `Unknown alert destination "${destinationId}"`);
}

/** Renames a destination or changes its URL (the secret stays; delete and create again for a new one). */
export async function updateAlertDestination(
  principal: Principal,
  environment: AlertEnvironment,
  destinationId: string,
  input: AlertDestinationUpdate,
) {
  if (input.url !== undefined) assertAlertUrlAllowed(input.url);
  return runTransaction(async (tx) => {
    const before = await tx.alertDestination.findFirst({
      where: { id: destinationId, environmentId: environment.id },
    });
    if (!before) throw alertDestinationNotFound(destinationId);
    const destination = await tx.alertDestination.update({ where: { id: destinationId }, data: input });
    const serialized = serializeAlertDestination(destination);
    await recordAuditEntry(tx, principal, {
      kind: "alert",
      name: destination.name,
      description: `Updated the alert destination ${destination.name} of ${environment.project.key}/${environment.key}`,
      action: "updateEnvironment",
      target: environmentResource(environment.project, environment),
      previous: serializeAlertDestination(before),
      current: serialized,
    });
    return serialized;
  });
}
