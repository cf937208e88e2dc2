import * as destinationRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/destinations/[destinationId]/route";
import * as destinationsRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/destinations/route";
import * as ruleRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/rules/[ruleId]/route";
import * as rulesRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/rules/route";
import { prisma } from "@/lib/server/db";
import type { JsonRoute, World } from "@/tests/support/json-routes-world";

/** The alert rule and destination the fuzzed PATCH requests aim at. */
export async function createAlertFixtures(environmentId: string) {
  const rule = await prisma.alertRule.create({ data: { environmentId, kind: "sync_failed", name: "Fuzz" } });
  const destination = await prisma.alertDestination.create({
    data: { environmentId, kind: "webhook", name: "Fuzz", url: "https://alerts.invalid/h", secret: "s" },
  });
  return { alertRuleId: rule.id, alertDestinationId: destination.id };
}

const alertsAt = (world: World, suffix: string, extra: Record<string, string> = {}) => ({
  path: `/api/v2/alerts/${world.projectKey}/production${suffix}`,
  params: { projectKey: world.projectKey, environmentKey: "production", ...extra },
});

/** The alert routes that read a JSON body. */
export const ALERT_JSON_ROUTES: JsonRoute[] = [
  {
    name: "POST /api/v2/alerts/{p}/{e}/rules",
    handler: rulesRoute.POST,
    method: "POST",
    target: (world) => alertsAt(world, "/rules"),
    valid: () => [
      { kind: "sync_skipped_over", name: "Skips", threshold: 10, on: false },
      { kind: "segment_stale", name: "Stale", segmentKey: "s", expectedIntervalMinutes: 60 },
      { kind: "rejected_pushes_over", name: "Refused", threshold: 5, windowMinutes: 10 },
    ],
    success: 201,
  },
  {
    name: "PATCH /api/v2/alerts/{p}/{e}/rules/{ruleId}",
    handler: ruleRoute.PATCH,
    method: "PATCH",
    target: (world) => alertsAt(world, `/rules/${world.alertRuleId}`, { ruleId: world.alertRuleId }),
    valid: () => [
      { name: "Renamed", on: true },
      { threshold: 3, segmentKey: null },
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/alerts/{p}/{e}/destinations",
    handler: destinationsRoute.POST,
    method: "POST",
    target: (world) => alertsAt(world, "/destinations"),
    valid: () => [
      { kind: "webhook", name: "Hook", url: "https://alerts.invalid/h?x=1" },
      { kind: "slack", name: "Chat", url: "https://hooks.slack.invalid/services/T/B/C" },
    ],
    success: 201,
  },
  {
    name: "PATCH /api/v2/alerts/{p}/{e}/destinations/{destinationId}",
    handler: destinationRoute.PATCH,
    method: "PATCH",
    target: (world) =>
      alertsAt(world, `/destinations/${world.alertDestinationId}`, {
        destinationId: world.alertDestinationId,
      }),
    valid: () => [{ name: "Renamed", url: "https://alerts.invalid/other" }],
    success: 200,
  },
];
