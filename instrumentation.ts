/** Next.js calls this once per server process: the Node.js server runs the store worker beside the app. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env().TRIBUTARY_STORE_WORKER) return;
  const { startStoreWorker } = await import("@/lib/server/stores/start-store-worker");
  startStoreWorker();
}
