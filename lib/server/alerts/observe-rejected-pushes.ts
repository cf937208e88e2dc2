import "server-only";
import type { EvaluatedRule, RuleObservations } from "@/lib/server/alerts/alert-observation";
import { countRejectedPushes } from "@/lib/server/rejected-pushes/count-rejected-pushes";

/** rejected_pushes_over: whether more than `threshold` requests were refused in the last `windowMinutes`. */
export async function observeRejectedPushes(rule: EvaluatedRule, now: Date): Promise<RuleObservations> {
  const windowMinutes = rule.windowMinutes ?? 60;
  const threshold = rule.threshold ?? 0;
  const count = await countRejectedPushes({
    environmentId: rule.environmentId,
    since: new Date(now.getTime() - windowMinutes * 60_000),
  });
  return {
    observations: [
      {
        subject: "environment",
        firing: count > threshold,
        summary: `${count} refused partner or membership requests in the last ${windowMinutes} min (threshold ${threshold})`,
      },
    ],
    complete: true,
  };
}
