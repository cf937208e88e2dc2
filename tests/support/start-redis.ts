import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer, Socket } from "node:net";
import { waitFor } from "@/tests/support/wait-for";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** How long redis-server may take to accept connections after it is spawned. */
const REDIS_START_TIMEOUT_MS = 5_000;

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.connect(port, "127.0.0.1");
  });
}

export type RedisHandle = { port: number; stop: () => Promise<void>; start: () => Promise<void> };

/** A real redis-server (Debian's) on a free loopback port; stop/start simulate an outage and keep the data (AOF). */
export async function startRedis(): Promise<RedisHandle> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "tributary-redis-"));
  let child: ReturnType<typeof spawn> | null = null;
  const start = async () => {
    child = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--save",
        "",
        "--appendonly",
        "yes",
        "--appendfsync",
        "always",
      ],
      {
        stdio: "ignore",
      },
    );
    await waitFor(() => acceptsConnections(port), {
      timeoutMs: REDIS_START_TIMEOUT_MS,
      what: `redis-server to accept connections on port ${port}`,
      intervalMs: 50,
    });
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once("exit", resolve);
      running.kill("SIGTERM");
    });
  };
  await start();
  return { port, stop, start };
}
