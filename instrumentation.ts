/**
 * Next.js calls this once per server process. `npm start` runs the store worker in a process of its own and sets
 * TRIBUTARY_STORE_WORKER=false here; a Next.js server started any other way (`next dev`, `next start`) runs it beside the app.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env().TRIBUTARY_STORE_WORKER) return;
  const { startStoreWorker } = await import("@/lib/server/stores/start-store-worker");
  startStoreWorker();
  const { startAlertWorker } = await import("@/lib/server/alerts/start-alert-worker");
  startAlertWorker();
}
