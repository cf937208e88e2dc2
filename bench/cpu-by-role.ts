import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time (ms) of this machine's processes by role: PostgreSQL's backends, its other processes, the web server, the store worker, and the
 * processes whose command line contains `loadNeedle` (the load's own). Read from /proc, so it costs no instrumentation.
 */
export function cpuByRole(loadNeedle: string): Map<string, number> {
  const byRole = new Map<string, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\u0000", " ");
      const role = cmdline.startsWith("postgres: tributary")
        ? "postgres backends"
        : cmdline.startsWith("postgres: ")
          ? "postgres other"
          : cmdline.startsWith("tributary-web")
            ? "web server"
            : cmdline.includes("store-worker")
              ? "store worker"
              : cmdline.includes(loadNeedle)
                ? "load client"
                : null;
      if (role === null) continue;
      const cpuMs = ((Number(stat[11] ?? 0) + Number(stat[12] ?? 0)) * 1000) / 100;
      byRole.set(role, (byRole.get(role) ?? 0) + cpuMs);
    } catch {
      // the process ended meanwhile
    }
  }
  return byRole;
}

/** "web server 3.81, postgres backends 10.52, …": CPU ms per unit (e.g. per request) between two readings. */
export function describeCpuPerUnit(
  before: Map<string, number>,
  after: Map<string, number>,
  units: number,
): string {
  return [...after]
    .map(([role, ms]) => `${role} ${((ms - (before.get(role) ?? 0)) / units).toFixed(2)}`)
    .join(", ");
}
