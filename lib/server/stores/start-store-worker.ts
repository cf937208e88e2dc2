import "server-only";
import { logger } from "@/lib/server/logger";
import { newStoreWorkerState, runStoreWorkerPass } from "@/lib/server/stores/run-store-worker-pass";

const INTERVAL_MS = 250;
const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * Runs the store worker in this process until the returned stop function is called: `npm start` runs it in a process of
 * its own (scripts/store-worker.ts); a Next.js server started otherwise runs it beside the app (instrumentation.ts).
 * `verifyIntervalMs`: how often each store is verified against PostgreSQL (STORE_VERIFY_INTERVAL_MS; shorter in tests).
 */
export function startStoreWorker(options: { verifyIntervalMs?: number } = {}): () => Promise<void> {
  const state = newStoreWorkerState(options.verifyIntervalMs);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let lastErrorLog = 0;
  const tick = async () => {
    if (stopped) return;
    let applied = 0;
    running = runStoreWorkerPass(state)
      .then((count) => {
        applied = count;
      })
      .catch((error: unknown) => {
        // While the database is down every pass fails: say so once in a while, not four times a second.
        if (Date.now() - lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
        lastErrorLog = Date.now();
        logger.error("store worker pass failed", { error });
      });
    await running;
    // Rows arrived while the pass ran: look again at once (after other callbacks had their turn), else wait a little.
    if (!stopped) setTimeout(() => void tick(), applied > 0 ? 0 : INTERVAL_MS).unref();
  };
  void tick();
  return async () => {
    stopped = true;
    await running;
    for (const { redis } of state.connections.values()) redis.disconnect();
  };
}
