/**
 * The built app as the reliability scripts run it: bench/support.ts's startApp (scripts/start.ts, the `npm start` path),
 * plus what a fault script needs on top: the web server's process id and memory from /proc, and a handle to wait for
 * the app's exit.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { startApp, stopApp, type AppOptions } from "@/bench/support";

export type RunningApp = {
  url: string;
  /** The start.ts process; the web server (dist/api-server.mjs), Next.js and the store worker run as its children. */
  process: ChildProcess;
  /** Resolves when start.ts has exited. */
  exited: Promise<void>;
  /** SIGTERM to start.ts, which stops the web server gracefully (and its PostgreSQL, if it runs one), then waits. */
  stop: () => Promise<void>;
};

export const ADMIN_EMAIL = "reliability@tributary.local";
export const ADMIN_PASSWORD = "reliability-password-1";

export async function launchApp(
  options: Omit<AppOptions, "adminEmail" | "adminPassword" | "log"> & { label?: string },
): Promise<RunningApp> {
  const prefix = `[${options.label ?? "app"}] `;
  const child = await startApp({
    ...options,
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    log: (line) => process.stdout.write(`${prefix}${line}\n`),
  });
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { url: `http://localhost:${options.port}`, process: child, exited, stop: () => stopApp(child) };
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Every process below `pid` (Linux /proc). */
export function descendantPids(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const child of childPids(current)) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The web server processes below the app's start script (`node … dist/api-server.mjs`). */
export function webServerPids(app: RunningApp): number[] {
  const root = app.process.pid;
  if (root === undefined) return [];
  return descendantPids(root).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("dist/api-server.mjs");
    } catch {
      return false;
    }
  });
}

/** A /proc/<pid>/status memory field in bytes (VmHWM: peak resident set; VmRSS: current), or null when gone. */
export function processMemory(pid: number, field: "VmHWM" | "VmRSS"): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((entry) => entry.startsWith(`${field}:`));
    const kib = line ? Number(line.split(/\s+/)[1]) : NaN;
    return Number.isFinite(kib) ? kib * 1024 : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
    return state !== undefined && state !== "Z";
  } catch {
    return false;
  }
}
