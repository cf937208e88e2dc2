import "server-only";
import type { AlertDestination, AlertRule } from "@/lib/schemas/alerts";
import type { AlertRuleKind } from "@/lib/schemas/alerts";

type RuleRow = {
  id: string;
  kind: string;
  name: string;
  on: boolean;
  threshold: number | null;
  windowMinutes: number | null;
  segmentKey: string | null;
  expectedIntervalMinutes: number | null;
  createdAt: Date;
};

export function serializeAlertRule(rule: RuleRow): AlertRule {
  return {
    _id: rule.id,
    kind: rule.kind as AlertRuleKind,
    name: rule.name,
    on: rule.on,
    threshold: rule.threshold,
    windowMinutes: rule.windowMinutes,
    segmentKey: rule.segmentKey,
    expectedIntervalMinutes: rule.expectedIntervalMinutes,
    creationDate: rule.createdAt.getTime(),
  };
}

/** What a destination's URL may show: a Slack URL is its credential (origin only), a webhook's query may hold one. */
export function displayAlertUrl(kind: string, url: string): string {
  const parsed = new URL(url);
  return kind === "slack" ? `${parsed.origin}/…` : `${parsed.origin}${parsed.pathname}`;
}

type DestinationRow = { id: string; kind: string; name: string; url: string; createdAt: Date };

export function serializeAlertDestination(destination: DestinationRow): AlertDestination {
  return {
    _id: destination.id,
    kind: destination.kind === "slack" ? "slack" : "webhook",
    name: destination.name,
    url: displayAlertUrl(destination.kind, destination.url),
    creationDate: destination.createdAt.getTime(),
  };
}
