import "server-only";
import { randomBytes } from "node:crypto";
import { MAX_ALERT_DESTINATIONS_PER_ENVIRONMENT, type AlertDestinationCreate } from "@/lib/schemas/alerts";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { assertAlertUrlAllowed } from "@/lib/server/alerts/assert-alert-url-allowed";
import { serializeAlertDestination } from "@/lib/server/alerts/serialize-alert";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/** Creates a destination; a webhook gets a new signing secret, returned in this answer only. */
export async function createAlertDestination(
  principal: Principal,
  environment: AlertEnvironment,
  input: AlertDestinationCreate,
) {
  assertAlertUrlAllowed(input.url);
  const secret = input.kind === "webhook" ? `whsec_${randomBytes(32).toString("base64url")}` : null;
  return runTransaction(async (tx) => {
    const count = await tx.alertDestination.count({ where: { environmentId: environment.id } });
    if (count >= MAX_ALERT_DESTINATIONS_PER_ENVIRONMENT)
      throw new ApiError(
        "invalid_request",
        `An environment has at most ${MAX_ALERT_DESTINATIONS_PER_ENVIRONMENT} alert destinations`,
      );
    const destination = await tx.alertDestination.create({
      data: { environmentId: environment.id, kind: input.kind, name: input.name, url: input.url, secret },
    });
    const serialized = serializeAlertDestination(destination);
    await recordAuditEntry(tx, principal, {
      kind: "alert",
      name: destination.name,
      description: `Created the alert destination ${destination.name} (${destination.kind}) for ${environment.project.key}/${environment.key}`,
      action: "updateEnvironment",
      target: environmentResource(environment.project, environment),
      current: serialized,
    });
    return { ...serialized, ...(secret !== null && { secret }) };
  });
}
