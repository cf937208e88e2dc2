import "server-only";
import type { EvaluatedRule, RuleObservations } from "@/lib/server/alerts/alert-observation";
import { observeRejectedPushes } from "@/lib/server/alerts/observe-rejected-pushes";
import { observeStaleSegments } from "@/lib/server/alerts/observe-stale-segments";
import { observeStores } from "@/lib/server/alerts/observe-stores";
import { observeSyncRuns } from "@/lib/server/alerts/observe-sync-runs";
import { reconcileAlertIncidents } from "@/lib/server/alerts/reconcile-alert-incidents";
import { withAlertLock } from "@/lib/server/alerts/with-alert-lock";
import { prisma } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";

export const ALERT_EVALUATION_LOCK = "alerts:evaluate";

function observe(rule: EvaluatedRule, now: Date): Promise<RuleObservations> {
  switch (rule.kind) {
    case "sync_failed":
    case "sync_skipped_over":
      return observeSyncRuns(rule);
    case "segment_stale":
      return observeStaleSegments(rule, now);
    case "store_unavailable":
      return observeStores(rule);
    case "rejected_pushes_over":
      return observeRejectedPushes(rule, now);
    default:
      return Promise.resolve({ observations: [], complete: false });
  }
}

/**
 * Evaluates every enabled alert rule (of environments filtered by `environmentId` when given) under the evaluation's
 * advisory lock, so with several instances one evaluates at a time; a rule that fails is logged and the rest go on.
 * Returns how many incidents opened and resolved (null: another worker was evaluating).
 */
export async function evaluateAlertRules(
  options: { now?: Date; environmentId?: string } = {},
): Promise<{ opened: number; resolved: number } | null> {
  const now = options.now ?? new Date();
  return withAlertLock(ALERT_EVALUATION_LOCK, async () => {
    const rules = await prisma.alertRule.findMany({
      where: { on: true, ...(options.environmentId && { environmentId: options.environmentId }) },
      include: { environment: { select: { key: true, project: { select: { key: true } } } } },
      orderBy: { createdAt: "asc" },
    });
    const totals = { opened: 0, resolved: 0 };
    for (const rule of rules) {
      try {
        const result = await reconcileAlertIncidents(rule, await observe(rule, now), now);
        totals.opened += result.opened;
        totals.resolved += result.resolved;
      } catch (error) {
        logger.error("alert rule evaluation failed", { ruleId: rule.id, error });
      }
    }
    return totals;
  });
}
