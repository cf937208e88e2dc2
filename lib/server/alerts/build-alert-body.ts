export type AlertEvent = {
  event: "alert.opened" | "alert.resolved" | "alert.test";
  incidentId: string | null;
  rule: { id: string; kind: string; name: string } | null;
  projectKey: string;
  environmentKey: string;
  subject: string;
  summary: string;
  openedAt: string;
  resolvedAt: string | null;
};

const HEADLINES: Record<AlertEvent["event"], string> = {
  "alert.opened": ":red_circle: Alert opened",
  "alert.resolved": ":large_green_circle: Alert resolved",
  "alert.test": ":white_circle: Test alert",
};

/**
 * The exact body a destination receives: the event as JSON for a webhook (documented in the README), `{text}` for a
 * Slack-compatible incoming webhook.
 */
export function buildAlertBody(destinationKind: string, event: AlertEvent): string {
  if (destinationKind !== "slack") return JSON.stringify(event);
  const rule = event.rule ? ` (rule "${event.rule.name}")` : "";
  return JSON.stringify({
    text: `${HEADLINES[event.event]} in ${event.projectKey}/${event.environmentKey}${rule}: ${event.summary}`,
  });
}
