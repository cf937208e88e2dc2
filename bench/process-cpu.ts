import { readdirSync, readFileSync } from "node:fs";

/** CPU time (user + system, ms) of this machine's processes, from /proc: the harnesses' measure, free of instrumentation. */
export type ProcessCpu = { pid: number; parent: number; cmdline: string; cpuMs: number };

function parseStat(stat: string): { parent: number; cpuMs: number } {
  // The fields after "(comm) ": state, ppid, …, utime (14th field of the line), stime (15th), in clock ticks of 10 ms.
  const fields = stat.split(") ")[1]?.split(" ") ?? [];
  return {
    parent: Number(fields[1] ?? 0),
    cpuMs: ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 1000) / 100,
  };
}

/** One process's CPU time so far in ms; 0 once it has ended. */
export function processCpuMs(pid: number): number {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, "utf8")).cpuMs;
  } catch {
    return 0;
  }
}

/** Every process of the machine with its parent, command line (arguments NUL-separated) and CPU time so far. */
export function listProcesses(): ProcessCpu[] {
  const processes: ProcessCpu[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { parent, cpuMs } = parseStat(readFileSync(`/proc/${entry}/stat`, "utf8"));
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      processes.push({ pid: Number(entry), parent, cmdline, cpuMs });
    } catch {
      // the process ended meanwhile
    }
  }
  return processes;
}

/** The processes whose command line contains `needle`, and their children (e.g. PostgreSQL and its backends). */
export function processTree(needle: string, processes: ProcessCpu[] = listProcesses()): ProcessCpu[] {
  const roots = new Set(
    processes.filter((entry) => entry.cmdline.includes(needle)).map((entry) => entry.pid),
  );
  return processes.filter((entry) => roots.has(entry.pid) || roots.has(entry.parent));
}

/**
 * CPU time (ms) by role: PostgreSQL's backends, its other processes, the web server, the store worker, and the processes
 * whose command line contains `loadNeedle` (the load's own).
 */
export function cpuByRole(loadNeedle: string): Map<string, number> {
  const byRole = new Map<string, number>();
  for (const { cmdline, cpuMs } of listProcesses()) {
    const role = cmdline.startsWith("postgres: tributary")
      ? "postgres backends"
      : cmdline.startsWith("postgres: ")
        ? "postgres other"
        : cmdline.includes("dist/api-server.mjs")
          ? "web server"
          : cmdline.includes("next-server.mjs")
            ? "next.js"
            : cmdline.includes("store-worker")
              ? "store worker"
              : cmdline.includes(loadNeedle)
                ? "load client"
                : null;
    if (role !== null) byRole.set(role, (byRole.get(role) ?? 0) + cpuMs);
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
