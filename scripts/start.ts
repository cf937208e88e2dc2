/**
 * `npm start` (compiled to dist/start.mjs by scripts/build-server.mjs): PostgreSQL (embedded unless DATABASE_URL is set),
 * migrations, first-run seed, a Next.js production build when the sources changed, then three processes: the web server
 * (dist/api-server.mjs: owns PORT and serves the API), Next.js behind it (scripts/next-server.mjs: the dashboard) and the
 * store worker (dist/store-worker.mjs). Ctrl-C stops them and the database cleanly; the data stays for the next start.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { env, setEnv } from "@/lib/env";
import { applyMigrations } from "@/tooling/migrations/apply-migrations";
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from "@/lib/server/postgres/start-embedded-postgres";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const config = env();
// Compiled entry points beside this one (dist/), built by scripts/build-server.mjs before `npm start` runs this.
const distDir = path.join(root, "dist");
const NODE_ARGS = ["--experimental-wasm-modules", "--enable-source-maps"];
/**
 * A young generation of 64 MB semi-spaces instead of 16 MB for the web server: it allocates a few kilobytes per API request
 * and some of it lives through the next scavenge, so scavenges came 10-17 times a second at 3,000 lookups per second and
 * paused every request in flight. Four times rarer, they cut the lookup p99 by about a third (4 clients: 3.4-3.6 ms ->
 * 2.4 ms; 1 client: 1.2 -> 0.9 ms, `bench/profile-lookup-http.ts --reuse`), for up to 192 MB more memory.
 */
const WEB_SERVER_NODE_ARGS = [...NODE_ARGS, "--max-semi-space-size=64"];
const dataDir = path.resolve(root, config.TRIBUTARY_DATA_DIR);
mkdirSync(dataDir, { recursive: true });

function log(message: string) {
  process.stdout.write(`[tributary] ${message}\n`);
}

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stats = statSync(entry);
    if (stats.isDirectory()) {
      if (entry.endsWith(`${path.sep}generated`)) return;
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const entry of [
    "app",
    "components",
    "lib",
    "next.config.js",
    "package-lock.json",
    "postcss.config.mjs",
  ]) {
    const full = path.join(root, entry);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

/** Next.js listens on a Unix socket only the web server uses; socket paths are limited to 107 bytes. */
function nextSocketPath(): string {
  const inDataDir = path.join(dataDir, "next.sock");
  return Buffer.byteLength(inDataDir) <= 107
    ? inDataDir
    : path.join(tmpdir(), `tributary-next-${process.pid}.sock`);
}

function run(command: string, args: string[], extraEnv: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

function sessionSecret(): string {
  if (config.NEXTAUTH_SECRET) return config.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

let postgres: EmbeddedPostgresHandle | null = null;
let app: ChildProcess | null = null;
let nextServer: ChildProcess | null = null;
let storeWorker: ChildProcess | null = null;
let stopping = false;

async function stopChild(child: ChildProcess | null, graceMs: number) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const finished = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), graceMs)),
  ]);
  if (!finished) child.kill("SIGKILL");
}

/**
 * The persistent-store worker in a process of its own, so mirroring a large push into Redis never competes with requests
 * for the app's event loop. It is restarted if it dies; the app does not depend on it (the outbox waits).
 */
function startStoreWorkerProcess(databaseUrl: string) {
  const worker = spawn(process.execPath, [...NODE_ARGS, path.join(distDir, "store-worker.mjs")], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
  });
  storeWorker = worker;
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    log(`the store worker exited (${signal ?? code}); restarting it in 5 s`);
    setTimeout(() => {
      if (!stopping) startStoreWorkerProcess(databaseUrl);
    }, 5_000).unref();
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  // SIGTERM lets the web server finish in-flight requests and the worker its current pass; whatever is left after 15 s is killed.
  // The web server first: requests it has in flight may still be waiting for Next.js.
  await Promise.all([stopChild(app, 15_000), stopChild(storeWorker, 15_000)]);
  await stopChild(nextServer, 15_000);
  if (postgres) {
    rmSync(path.join(dataDir, "database-url"), { force: true });
    await postgres.stop().catch(() => undefined);
    log("PostgreSQL stopped; data kept in " + path.relative(root, path.join(dataDir, "postgres")));
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(new Error(`port ${port} is already in use: stop the other process or set PORT`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function main() {
  await assertPortFree(config.PORT);
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    log("starting embedded PostgreSQL…");
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: config.TRIBUTARY_PG_PORT,
    });
    await postgres.createDatabase("tributary");
    databaseUrl = postgres.urlFor("tributary");
    log(`PostgreSQL ready on 127.0.0.1:${postgres.port}`);
    // For `npm run cli` while the app runs; removed again on stop.
    writeFileSync(path.join(dataDir, "database-url"), `${databaseUrl}\n`, { mode: 0o600 });
  }
  setEnv("DATABASE_URL", databaseUrl);

  const { appliedMigrationNames } = await applyMigrations(databaseUrl);
  log(
    appliedMigrationNames.length
      ? `applied migrations: ${appliedMigrationNames.join(", ")}`
      : "database is up to date",
  );

  const { ensureOwner } = await import("@/lib/server/seed/ensure-owner");
  const { seedDemoData } = await import("@/lib/server/seed/seed-demo-data");
  const { disconnectDatabase } = await import("@/lib/server/db");
  const owner = await ensureOwner({
    email: config.TRIBUTARY_ADMIN_EMAIL,
    password: config.TRIBUTARY_ADMIN_PASSWORD,
  });
  const credentialsFile = path.join(dataDir, "demo-login.txt");
  if (owner.created && owner.password && !config.TRIBUTARY_ADMIN_PASSWORD) {
    writeFileSync(credentialsFile, `${owner.email}\n${owner.password}\n`, { mode: 0o600 });
  }
  const { seeded } = await seedDemoData();
  if (seeded) log("seeded demo data (project `default`, environments production and test, synced segments)");
  await disconnectDatabase();

  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceMtime()) {
    log("building the app (next build)…");
    await run(process.execPath, [nextBin, "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  }

  const port = String(config.PORT);
  const url = `http://localhost:${port}`;
  if (config.TRIBUTARY_STORE_WORKER) startStoreWorkerProcess(databaseUrl);
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: sessionSecret(),
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? url,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    TRIBUTARY_NEXT_SOCKET: nextSocketPath(),
    // The worker runs in its own process (above), not inside the app.
    TRIBUTARY_STORE_WORKER: "false",
  };
  const next = spawn(process.execPath, [path.join(root, "scripts", "next-server.mjs")], {
    stdio: "inherit",
    env: appEnv,
  });
  const web = spawn(process.execPath, [...WEB_SERVER_NODE_ARGS, path.join(distDir, "api-server.mjs")], {
    stdio: "inherit",
    env: appEnv,
  });
  nextServer = next;
  app = web;
  for (const child of [next, web]) {
    child.on("exit", (code) => {
      if (!stopping) void shutdown(code ?? 1);
    });
  }

  for (let attempt = 0; attempt < 120 && !stopping; attempt++) {
    const ready = await fetch(`${url}/login`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const login = config.TRIBUTARY_ADMIN_PASSWORD
    ? `${owner.email} / (TRIBUTARY_ADMIN_PASSWORD)`
    : existsSync(credentialsFile)
      ? readFileSync(credentialsFile, "utf8").trim().split("\n").join(" / ")
      : `${owner.email} / (set on first start)`;
  log("");
  log(`Tributary is running: ${url}`);
  log(`Sign in with: ${login}`);
  log("Press Ctrl-C to stop.");
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[tributary] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  void shutdown(1);
});
