import "server-only";
import { MAX_ALERT_RULES_PER_ENVIRONMENT, type AlertRuleCreate } from "@/lib/schemas/alerts";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { serializeAlertRule } from "@/lib/server/alerts/serialize-alert";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

export async function createAlertRule(
  principal: Principal,
  environment: AlertEnvironment,
  input: AlertRuleCreate,
) {
  return runTransaction(async (tx) => {
    const count = await tx.alertRule.count({ where: { environmentId: environment.id } });
    if (count >= MAX_ALERT_RULES_PER_ENVIRONMENT)
      throw new ApiError(
        "invalid_request",
        `An environment has at most ${MAX_ALERT_RULES_PER_ENVIRONMENT} alert rules`,
      );
    const rule = await tx.alertRule.create({
      data: {
        environmentId: environment.id,
        kind: input.kind,
        name: input.name,
        on: input.on ?? true,
        threshold: input.threshold ?? null,
        windowMinutes: input.windowMinutes ?? null,
        segmentKey: input.segmentKey ?? null,
        expectedIntervalMinutes: input.expectedIntervalMinutes ?? null,
      },
    });
    const serialized = serializeAlertRule(rule);
    await recordAuditEntry(tx, principal, {
      kind: "alert",
      name: rule.name,
      description: `Created the alert rule ${rule.name} (${rule.kind}) for ${environment.project.key}/${environment.key}`,
      action: "updateEnvironment",
      target: environmentResource(environment.project, environment),
      current: serialized,
    });
    return serialized;
  });
}
