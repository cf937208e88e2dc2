/**
 * The persistent-store worker as a process of its own (`npm start` runs it beside the app): drains the membership outbox
 * into every enabled Redis store until SIGTERM/SIGINT. Runs where the app runs, with the same DATABASE_URL:
 *
 *   DATABASE_URL=postgresql://… node --experimental-wasm-modules --conditions=react-server --import tsx scripts/store-worker.ts
 *
 * Several workers (one per app instance) are safe: an advisory lock per store keeps them from applying one store at once.
 * It also runs the alert worker (rule evaluation and the alert outbox, each under an advisory lock of its own).
 */
import { requireDatabaseUrl } from "@/lib/env";
import { startAlertWorker } from "@/lib/server/alerts/start-alert-worker";
import { disconnectDatabase } from "@/lib/server/db";
import { startStoreWorker } from "@/lib/server/stores/start-store-worker";

requireDatabaseUrl();
const stopWorker = startStoreWorker();
const stopAlerts = startAlertWorker();
// The worker's own timers do not hold a process open (in the app they must not); this process exists for it.
const keepAlive = setInterval(() => undefined, 60_000);
let stopping = false;

async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(keepAlive);
  await Promise.all([stopWorker(), stopAlerts()]);
  await disconnectDatabase();
  process.exit(0);
}

process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
// The parent (`npm start`) went away without stopping us: do not outlive it.
process.on("disconnect", () => void stop());
