/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, first-run seed, a production build when the
 * sources changed, then `next start`. Ctrl-C stops the app and the database cleanly; the data stays for the next start.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { env, setEnv } from "@/lib/env";
import { applyMigrations } from "@/lib/server/migrations/apply-migrations";
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from "@/lib/server/postgres/start-embedded-postgres";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const config = env();
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
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  const running = app;
  // A child killed by a signal has a null exitCode too: without the signalCode check this waited 15 s for an exit that
  // had already happened.
  if (running?.pid && running.exitCode === null && running.signalCode === null) {
    const exited = new Promise((resolve) => running.once("exit", resolve));
    // SIGTERM lets Next.js finish in-flight requests; whatever is left after 15 s is killed.
    running.kill("SIGTERM");
    const finished = await Promise.race([
      exited.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
    ]);
    if (!finished) running.kill("SIGKILL");
  }
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
  app = spawn(process.execPath, [nextBin, "start", "-p", port], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: sessionSecret(),
      NEXTAUTH_URL: config.NEXTAUTH_URL ?? url,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  app.on("exit", (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });

  for (let attempt = 0; attempt < 120 && app.exitCode === null && app.signalCode === null; attempt++) {
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
