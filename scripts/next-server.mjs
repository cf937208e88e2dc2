// Next.js for the dashboard, next-auth and static files, in a process of its own behind scripts/api-server.ts, which
// owns the public port and hands it every request that is not an API route. Plain JavaScript: it loads only Next.js and
// the app's own build (.next), never a TypeScript loader.
//
//   TRIBUTARY_NEXT_SOCKET=/path/next.sock NODE_ENV=production node scripts/next-server.mjs
import { chmodSync, rmSync } from "node:fs";
import http from "node:http";
import next from "next";

const socketPath = process.env.TRIBUTARY_NEXT_SOCKET;
if (!socketPath) throw new Error("TRIBUTARY_NEXT_SOCKET is not set");
const DRAIN_TIMEOUT_MS = 12_000;

// The public address, which Next.js uses wherever it builds an absolute URL.
const app = next({
  dev: false,
  dir: process.cwd(),
  hostname: "localhost",
  port: Number(process.env.PORT ?? 3000),
});
await app.prepare();
const handle = app.getRequestHandler();

let stopping = false;
const server = http.createServer((req, res) => {
  if (stopping) res.setHeader("Connection", "close");
  void handle(req, res);
});

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const closed = new Promise((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
  await closed;
  clearTimeout(forced);
  await app.close().catch(() => undefined);
  process.exit(signal === "SIGINT" ? 130 : 143);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

// A socket left by a process that was killed would refuse the bind; only this process uses the path.
rmSync(socketPath, { force: true });
server.listen(socketPath, () => {
  chmodSync(socketPath, 0o600);
  process.stdout.write(`Next.js listening on ${socketPath}\n`);
});
