import "server-only";
import { ALERT_PASS_INTERVAL_MS } from "@/lib/server/alerts/alert-worker-limits";
import { runAlertPass } from "@/lib/server/alerts/run-alert-pass";
import { logger } from "@/lib/server/logger";

const ERROR_LOG_INTERVAL_MS = 60_000;

/** Runs alert passes every `ALERT_PASS_INTERVAL_MS` beside the store worker until the returned function is called. */
export function startAlertWorker(): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let lastErrorLog = 0;
  const tick = async () => {
    if (stopped) return;
    running = runAlertPass().catch((error: unknown) => {
      if (Date.now() - lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
      lastErrorLog = Date.now();
      logger.error("alert pass failed", { error });
    });
    await running;
    if (!stopped) setTimeout(() => void tick(), ALERT_PASS_INTERVAL_MS).unref();
  };
  void tick();
  return async () => {
    stopped = true;
    await running;
  };
}
