import "server-only";
import type { EvaluatedRule, RuleObservations } from "@/lib/server/alerts/alert-observation";
import type { AlertEvent } from "@/lib/server/alerts/build-alert-body";
import { queueAlertMessages } from "@/lib/server/alerts/queue-alert-messages";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

export type RuleWithPlace = EvaluatedRule & { environment: { key: string; project: { key: string } } };

/**
 * Opens an incident for each firing subject without one and resolves each open incident whose subject no longer fires
 * (or, when the observations are complete, was not observed), queueing one message per destination for each: one
 * notification when a condition opens and one when it resolves, however many passes it lasts.
 */
export async function reconcileAlertIncidents(
  rule: RuleWithPlace,
  seen: RuleObservations,
  now: Date,
): Promise<{ opened: number; resolved: number }> {
  return runTransaction(async (tx) => {
    const open = await tx.alertIncident.findMany({
      where: { ruleId: rule.id, openSubject: { not: null } },
      select: { id: true, subject: true, openedAt: true },
    });
    const openBySubject = new Map(open.map((incident) => [incident.subject, incident]));
    const observed = new Map(seen.observations.map((observation) => [observation.subject, observation]));
    const event = (
      kind: AlertEvent["event"],
      incidentId: string,
      subject: string,
      summary: string,
      openedAt: Date,
    ): AlertEvent => ({
      event: kind,
      incidentId,
      rule: { id: rule.id, kind: rule.kind, name: rule.name },
      projectKey: rule.environment.project.key,
      environmentKey: rule.environment.key,
      subject,
      summary,
      openedAt: openedAt.toISOString(),
      resolvedAt: kind === "alert.resolved" ? now.toISOString() : null,
    });
    let opened = 0;
    let resolved = 0;
    for (const observation of seen.observations) {
      if (!observation.firing || openBySubject.has(observation.subject)) continue;
      const incident = await tx.alertIncident.create({
        data: {
          ruleId: rule.id,
          subject: observation.subject,
          openSubject: observation.subject,
          summary: observation.summary,
          openedAt: now,
        },
        select: { id: true },
      });
      const message = event("alert.opened", incident.id, observation.subject, observation.summary, now);
      await queueAlertMessages(tx, rule.environmentId, message);
      opened += 1;
    }
    for (const incident of open) {
      const observation = observed.get(incident.subject);
      if (observation ? observation.firing : !seen.complete) continue;
      await tx.alertIncident.update({
        where: { id: incident.id },
        data: { openSubject: null, resolvedAt: now },
      });
      const summary = observation?.summary ?? `${incident.subject} is no longer observed`;
      const message = event("alert.resolved", incident.id, incident.subject, summary, incident.openedAt);
      await queueAlertMessages(tx, rule.environmentId, message);
      resolved += 1;
    }
    return { opened, resolved };
  });
}
