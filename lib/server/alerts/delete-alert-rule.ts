import "server-only";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { serializeAlertRule } from "@/lib/server/alerts/serialize-alert";
import { alertRuleNotFound } from "@/lib/server/alerts/update-alert-rule";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/** Deletes a rule with its incidents; messages already queued stay in the delivery log and are still sent. */
export async function deleteAlertRule(principal: Principal, environment: AlertEnvironment, ruleId: string) {
  await runTransaction(async (tx) => {
    const rule = await tx.alertRule.findFirst({ where: { id: ruleId, environmentId: environment.id } });
    if (!rule) throw alertRuleNotFound(ruleId);
    await tx.alertRule.delete({ where: { id: ruleId } });
    await recordAuditEntry(tx, principal, {
      kind: "alert",
      name: rule.name,
      description: `Deleted the alert rule ${rule.name} of ${environment.project.key}/${environment.key}`,
      action: "updateEnvironment",
      target: environmentResource(environment.project, environment),
      previous: serializeAlertRule(rule),
    });
  });
}
