import "server-only";
import { logger } from "@/lib/server/logger";
import { newStoreWorkerState, runStoreWorkerPass } from "@/lib/server/stores/run-store-worker-pass";

const INTERVAL_MS = 250;

/** Runs the store worker in this process until the returned stop function is called. */
export function startStoreWorker(): () => Promise<void> {
  const state = newStoreWorkerState();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = runStoreWorkerPass(state).catch((error: unknown) => logger.error("store worker pass failed", { error }));
    await running;
    if (!stopped) setTimeout(() => void tick(), INTERVAL_MS).unref();
  };
  void tick();
  return async () => {
    stopped = true;
    await running;
    for (const { redis } of state.connections.values()) redis.disconnect();
  };
}
