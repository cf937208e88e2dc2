/**
 * The built app as the benchmarks and reliability scripts run it: through scripts/start.ts, the same path as `npm start`
 * (embedded PostgreSQL unless a database URL is given, migrations, first-run seed, a build when the sources changed,
 * `next start`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export type AppOptions = {
  port: number;
  /** The run's TRIBUTARY_DATA_DIR (the embedded PostgreSQL's data and the generated session secret). */
  dataDir: string;
  /** Port of the embedded PostgreSQL that start.ts runs; unused with `databaseUrl`. */
  pgPort?: number;
  /** A PostgreSQL the caller runs: start.ts then neither starts nor stops one. */
  databaseUrl?: string;
  /** More variables for the app (rate limits, log level). */
  env?: Record<string, string>;
  /** Prefix of the app's log lines that are passed through. */
  label?: string;
};

export type RunningApp = {
  url: string;
  /** The start.ts process; Next.js runs as its child. */
  process: ChildProcess;
  /** Resolves when start.ts has exited. */
  exited: Promise<void>;
  /** Sends SIGTERM to start.ts (which stops Next.js gracefully, then its PostgreSQL if it runs one) and waits. */
  stop: () => Promise<void>;
};

export const ADMIN_EMAIL = "bench@tributary.local";
export const ADMIN_PASSWORD = "bench-password-1";

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    TRIBUTARY_DATA_DIR: options.dataDir,
    TRIBUTARY_LOG_LEVEL: "error",
    TRIBUTARY_ADMIN_EMAIL: ADMIN_EMAIL,
    TRIBUTARY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...options.env,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  if (options.pgPort !== undefined) env.TRIBUTARY_PG_PORT = String(options.pgPort);

  const label = options.label ?? "app";
  const child = spawn(
    process.execPath,
    ["--experimental-wasm-modules", "--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
    { stdio: ["ignore", "pipe", "pipe"], env },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Pass through start.ts's own lines and the app's errors; the rest (request logs) is read and dropped, so the pipe never
  // fills up and blocks the app.
  child.stderr.on("data", (chunk: Buffer) =>
    process.stderr.write(prefixLines(chunk.toString(), `[${label}] `)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      const own = text.split("\n").filter((line) => line.includes("[tributary]"));
      if (own.length > 0) process.stdout.write(prefixLines(own.join("\n") + "\n", `[${label}] `));
      if (text.includes("Tributary is running")) resolve();
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`the app exited with ${code ?? signal ?? "unknown"} before it was ready`)),
    );
  });
  return {
    url: `http://localhost:${options.port}`,
    process: child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line, index, lines) => (index === lines.length - 1 && line === "" ? "" : `${prefix}${line}`))
    .join("\n");
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

/** The Next.js server processes started by `app` (they set their title to `next-server (vX)`). */
export function nextServerPids(app: RunningApp): number[] {
  const root = app.process.pid;
  if (root === undefined) return [];
  return descendantPids(root).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("next-server");
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

/** Whether a process with this pid exists (not a zombie). */
export function isRunning(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
    return state !== undefined && state !== "Z";
  } catch {
    return false;
  }
}

/** A dashboard session, through next-auth's credentials flow as a browser does it. */
export async function signIn(base: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = (csrfResponse.headers.getSetCookie() ?? []).map((line) => line.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.includes("session-token"));
  if (!session) throw new Error(`sign-in failed with status ${response.status}`);
  return `${csrfCookie}; ${session}`;
}
