import "server-only";
import type { AlertIncident, AlertRuleKind } from "@/lib/schemas/alerts";
import { prisma } from "@/lib/server/db";

/** Open incidents of an environment are listed up to this many. */
export const OPEN_ALERT_INCIDENTS_LISTED = 200;

/** The environment's open incidents, newest first; `segmentKey` names the segment a segment's incident is about. */
export async function listOpenAlertIncidents(environmentId: string): Promise<AlertIncident[]> {
  const incidents = await prisma.alertIncident.findMany({
    where: { openSubject: { not: null }, rule: { environmentId } },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: OPEN_ALERT_INCIDENTS_LISTED,
    include: { rule: { select: { name: true, kind: true } } },
  });
  return incidents.map((incident) => ({
    _id: incident.id,
    ruleId: incident.ruleId,
    ruleName: incident.rule.name,
    kind: incident.rule.kind as AlertRuleKind,
    subject: incident.subject,
    summary: incident.summary,
    openedDate: incident.openedAt.getTime(),
    segmentKey: incident.subject.startsWith("segment:") ? incident.subject.slice("segment:".length) : null,
  }));
}
