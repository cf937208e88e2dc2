import "server-only";
import type { AlertIncident, AlertRuleKind } from "@/lib/schemas/alerts";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { prisma } from "@/lib/server/db";

/** Open incidents of an environment are listed up to this many. */
export const OPEN_ALERT_INCIDENTS_LISTED = 200;

const SEGMENT_SUBJECT = "segment:";

/**
 * The environment's open incidents, newest first; `segmentKey` names the segment a segment's incident is about, and an
 * incident about a segment the caller may not view is left out (it does not exist for them).
 */
export async function listOpenAlertIncidents(
  principal: Principal,
  environment: AlertEnvironment,
): Promise<AlertIncident[]> {
  const incidents = await prisma.alertIncident.findMany({
    where: { openSubject: { not: null }, rule: { environmentId: environment.id } },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: OPEN_ALERT_INCIDENTS_LISTED,
    include: { rule: { select: { name: true, kind: true } } },
  });
  const segmentKeyOf = (subject: string) =>
    subject.startsWith(SEGMENT_SUBJECT) ? subject.slice(SEGMENT_SUBJECT.length) : null;
  const keys = [...new Set(incidents.flatMap((incident) => segmentKeyOf(incident.subject) ?? []))];
  const segments = await prisma.segment.findMany({
    where: { environmentId: environment.id, key: { in: keys } },
    select: { key: true, tags: true },
  });
  const visible = new Set(
    segments
      .filter(
        (segment) =>
          checkAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment))
            .allowed,
      )
      .map((segment) => segment.key),
  );
  return incidents.flatMap((incident) => {
    const segmentKey = segmentKeyOf(incident.subject);
    if (segmentKey !== null && !visible.has(segmentKey)) return [];
    return [
      {
        _id: incident.id,
        ruleId: incident.ruleId,
        ruleName: incident.rule.name,
        kind: incident.rule.kind as AlertRuleKind,
        subject: incident.subject,
        summary: incident.summary,
        openedDate: incident.openedAt.getTime(),
        segmentKey,
      },
    ];
  });
}
