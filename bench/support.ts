/**
 * Helpers shared by the benchmarks (and reusable by load or fault scripts): start the built app the way `npm start` does,
 * sign in, post with a token, wait for the store outbox to drain, and measure push → Redis mirror lag with many probes.
 * Importing this module starts nothing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import type pg from "pg";
import type { Redis } from "ioredis";
import { includeSetKey } from "@/lib/server/stores/big-segment-keys";
import { percentile } from "./measure";

export { randomKeys } from "./keys";

export type AppOptions = {
  port: number;
  /** Port of the embedded PostgreSQL that start.ts runs; unused with `databaseUrl`. */
  pgPort?: number;
  /** A PostgreSQL the caller runs: start.ts then neither starts nor stops one. */
  databaseUrl?: string;
  /** Keep the data directory (a restart of the same app); by default it is emptied first. */
  keepDataDir?: boolean;
  dataDir: string;
  adminEmail: string;
  adminPassword: string;
  /** Extra environment for scripts/start.ts (and through it the app and the store worker). */
  env?: Record<string, string>;
  /** Lines of the start script's own output ("[tributary] …") are echoed here. */
  log?: (line: string) => void;
};

/** Starts the app as `npm start` does (on a fresh data directory unless kept) and resolves once the app answers; stop it with SIGTERM. */
export async function startApp(options: AppOptions): Promise<ChildProcess> {
  if (!options.keepDataDir) rmSync(options.dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    TRIBUTARY_DATA_DIR: options.dataDir,
    TRIBUTARY_RATE_LIMIT_PER_10S: "10000000",
    TRIBUTARY_LOG_LEVEL: "error",
    TRIBUTARY_ADMIN_EMAIL: options.adminEmail,
    TRIBUTARY_ADMIN_PASSWORD: options.adminPassword,
    ...options.env,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  if (options.pgPort !== undefined) env.TRIBUTARY_PG_PORT = String(options.pgPort);
  // What `npm start` runs, without npm and a shell between this process and the start script's signals.
  const built = spawnSync("node", ["scripts/build-server.mjs"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("scripts/build-server.mjs failed");
  const child = spawn("node", ["--experimental-wasm-modules", "--enable-source-maps", "dist/start.mjs"], {
    stdio: ["ignore", "pipe", "inherit"],
    env,
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const lines = chunk
        .toString()
        .split("\n")
        .filter((line) => line.includes("[tributary]"));
      for (const line of lines) options.log?.(line);
      if (lines.some((line) => line.includes("Tributary is running"))) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the app exited with ${code}`)));
  });
  return child;
}

/** Stops an app started by `startApp` (the start script stops Next.js, the store worker and PostgreSQL). */
export async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise((resolve) => app.once("exit", resolve));
  app.kill("SIGTERM");
  await exited;
}

/** A dashboard session cookie, through next-auth's credentials flow as a browser does it. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = (csrfResponse.headers.getSetCookie() ?? []).map((line) => line.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.includes("session-token"));
  if (!session) throw new Error(`sign-in failed with status ${response.status}`);
  return `${csrfCookie}; ${session}`;
}

/** fetch, sent once more when a keep-alive socket the server has just closed fails the request before it is sent. */
export function fetchOnceMore(url: string, init?: RequestInit): Promise<Response> {
  return fetch(url, init).catch(() => fetch(url, init));
}

/** POSTs JSON with a token; any status of 300 or more throws with the body. */
export function tokenPoster(base: string, token: string) {
  const headers = { Authorization: token, "Content-Type": "application/json" };
  return async function post(path: string, body: unknown): Promise<void> {
    const payload = JSON.stringify(body);
    const response = await fetchOnceMore(`${base}${path}`, { method: "POST", headers, body: payload });
    if (response.status >= 300)
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
}

/** Outbox rows of the environment that its enabled stores have not applied yet. */
export async function outboxBacklog(db: pg.Client, environmentId: string): Promise<number> {
  const result = await db.query<{ pending: string }>(
    `select count(*)::text as pending from membership_outbox o
     where o.environment_id = $1
       and o.txid >= (select coalesce(min(s.outbox_cursor), 0) from store_integration s
                      where s.environment_id = o.environment_id and s."on")`,
    [environmentId],
  );
  return Number(result.rows[0]?.pending ?? 0);
}

/** Waits until every enabled store of the environment has applied the whole outbox; returns the milliseconds waited. */
export async function waitForOutboxDrain(
  db: pg.Client,
  environmentId: string,
  timeoutMs = 600_000,
): Promise<number> {
  const started = performance.now();
  while ((await outboxBacklog(db, environmentId)) > 0) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`the outbox did not drain in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

/** Waits until every enabled store of the environment has been rebuilt from PostgreSQL once (a new store starts so). */
export async function waitForStoresReady(
  db: pg.Client,
  environmentId: string,
  timeoutMs = 120_000,
): Promise<void> {
  const started = performance.now();
  for (;;) {
    const result = await db.query<{ waiting: string }>(
      `select count(*)::text as waiting from store_integration
       where environment_id = $1 and "on" and (needs_full_sync or last_sync_at is null)`,
      [environmentId],
    );
    if (Number(result.rows[0]?.waiting ?? 0) === 0) return;
    if (performance.now() - started > timeoutMs)
      throw new Error(`the stores were not ready in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type MirrorLagProbes = {
  /** Stops sending, waits for the probes in flight (at most `timeoutMs` each), and returns the lags sorted (ms). */
  stop: () => Promise<{ lags: number[]; lost: number }>;
};

/**
 * Every `everyMs`, pushes one new key (through `push`, which must resolve on the 204) and times from that answer until
 * Redis has the key in the segment ref's include set (SISMEMBER on the hashed key, polled every few milliseconds for all
 * probes in flight at once).
 */
export function startMirrorLagProbes(options: {
  redis: Redis;
  prefix: string;
  segmentRef: string;
  push: (key: string) => Promise<void>;
  everyMs?: number;
  timeoutMs?: number;
}): MirrorLagProbes {
  const everyMs = options.everyMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pending = new Map<string, number>();
  const lags: number[] = [];
  let lost = 0;
  let sending = true;
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];

  const sender = (async () => {
    for (let index = 0; sending; index++) {
      const key = `probe-${index}-${randomBytes(4).toString("hex")}`;
      const pushed: Promise<void> = options
        .push(key)
        .then(() => {
          pending.set(key, performance.now());
        })
        .catch((error: unknown) => {
          failures.push(error);
        })
        .finally(() => inFlight.delete(pushed));
      inFlight.add(pushed);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();

  const poller = (async () => {
    while (sending || inFlight.size > 0 || pending.size > 0) {
      const keys = [...pending.keys()];
      if (keys.length > 0) {
        const pipeline = options.redis.pipeline();
        for (const key of keys) pipeline.sismember(includeSetKey(options.prefix, key), options.segmentRef);
        const results = (await pipeline.exec()) ?? [];
        const now = performance.now();
        keys.forEach((key, index) => {
          const answeredAt = pending.get(key) ?? now;
          if (results[index]?.[1] === 1) {
            lags.push(now - answeredAt);
            pending.delete(key);
          } else if (now - answeredAt > timeoutMs) {
            lost++;
            pending.delete(key);
          }
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();

  return {
    stop: async () => {
      sending = false;
      await sender;
      await Promise.all(inFlight);
      await poller;
      if (failures.length > 0) throw failures[0];
      return { lags: lags.sort((a, b) => a - b), lost };
    },
  };
}

/** "p50 1.2 ms, p99 3.4 ms" of sorted latencies. */
export function describeLatencies(sortedMs: number[]): string {
  return `p50 ${percentile(sortedMs, 0.5).toFixed(1)} ms, p99 ${percentile(sortedMs, 0.99).toFixed(1)} ms`;
}
