import "server-only";

const state = globalThis as unknown as { tributaryShutdown?: { requested: boolean } };

/**
 * Whether this process has been asked to stop (SIGTERM or SIGINT). Next.js then stops accepting connections and waits
 * for the open ones, but a client that keeps sending on a keep-alive connection keeps it open until the process is
 * killed; answering with `Connection: close` from then on lets the drain finish. Process-wide, because every route
 * bundle has its own copy of this module.
 */
export function isShuttingDown(): boolean {
  if (!state.tributaryShutdown) {
    const shutdown = { requested: false };
    state.tributaryShutdown = shutdown;
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        shutdown.requested = true;
        // A listener replaces Node's default of exiting on the signal: where nothing else handles it (tests, a custom
        // server), send it again, now with no listener left, so the process still stops.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    }
  }
  return state.tributaryShutdown.requested;
}
