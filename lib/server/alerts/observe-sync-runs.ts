import "server-only";
import type { EvaluatedRule, RuleObservations } from "@/lib/server/alerts/alert-observation";
import { ALERT_RECENT_RUNS_EXAMINED } from "@/lib/server/alerts/alert-worker-limits";
import { prisma } from "@/lib/server/db";

/**
 * sync_failed and sync_skipped_over, per sync source (an integration, "contexts", "import"): the latest of the
 * environment's last `ALERT_RECENT_RUNS_EXAMINED` runs decides. A source with no run among them keeps its state.
 */
export async function observeSyncRuns(rule: EvaluatedRule): Promise<RuleObservations> {
  const runs = await prisma.syncRun.findMany({
    where: { environmentId: rule.environmentId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: ALERT_RECENT_RUNS_EXAMINED,
    select: { source: true, status: true, received: true, skipped: true, errorMessage: true },
  });
  const latest = new Map<string, (typeof runs)[number]>();
  for (const run of runs) if (!latest.has(run.source)) latest.set(run.source, run);
  const observations = [...latest.values()].map((run) => {
    const subject = `source:${run.source}`;
    if (rule.kind === "sync_failed") {
      const failed = run.status === "failed";
      return {
        subject,
        firing: failed,
        summary: failed
          ? `The latest ${run.source} sync failed: ${run.errorMessage ?? "no reason recorded"}`
          : `The latest ${run.source} sync succeeded`,
      };
    }
    const percent = run.received > 0 ? (run.skipped * 100) / run.received : 0;
    const threshold = rule.threshold ?? 100;
    return {
      subject,
      firing: percent > threshold,
      summary: `The latest ${run.source} sync skipped ${run.skipped} of ${run.received} members (${percent.toFixed(1)}%, threshold ${threshold}%)`,
    };
  });
  return { observations, complete: false };
}
