import "server-only";
import { drainAlertDeliveries } from "@/lib/server/alerts/drain-alert-deliveries";
import { evaluateAlertRules } from "@/lib/server/alerts/evaluate-alert-rules";

/** One pass of the alert worker: evaluate the rules (queueing messages), then send what is due. */
export async function runAlertPass(): Promise<void> {
  await evaluateAlertRules();
  await drainAlertDeliveries();
}
