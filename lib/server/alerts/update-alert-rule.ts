import "server-only";
import { alertRuleProblem, type AlertRuleKind, type AlertRuleUpdate } from "@/lib/schemas/alerts";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { serializeAlertRule } from "@/lib/server/alerts/serialize-alert";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

export function alertRuleNotFound(ruleId: string): ApiError {
  return new ApiError("not_found", `Unknown alert rule "${ruleId}"`);
}

/** Changes a rule's settings; turning it off resolves its open incidents without a message (nobody is alerted). */
export async function updateAlertRule(
  principal: Principal,
  environment: AlertEnvironment,
  ruleId: string,
  input: AlertRuleUpdate,
) {
  return runTransaction(async (tx) => {
    const before = await tx.alertRule.findFirst({ where: { id: ruleId, environmentId: environment.id } });
    if (!before) throw alertRuleNotFound(ruleId);
    const problem = alertRuleProblem({
      kind: before.kind as AlertRuleKind,
      threshold: input.threshold === undefined ? before.threshold : input.threshold,
      windowMinutes: input.windowMinutes === undefined ? before.windowMinutes : input.windowMinutes,
    });
    if (problem) throw new ApiError("invalid_request", problem);
    const rule = await tx.alertRule.update({ where: { id: ruleId }, data: input });
    if (!rule.on) {
      await tx.alertIncident.updateMany({
        where: { ruleId, openSubject: { not: null } },
        data: { openSubject: null, resolvedAt: new Date() },
      });
    }
    const serialized = serializeAlertRule(rule);
    await recordAuditEntry(tx, principal, {
      kind: "alert",
      name: rule.name,
      description: `Updated the alert rule ${rule.name} of ${environment.project.key}/${environment.key}`,
      action: "updateEnvironment",
      target: environmentResource(environment.project, environment),
      previous: serializeAlertRule(before),
      current: serialized,
    });
    return serialized;
  });
}
