/**
 * The web server `npm start` runs, compiled by scripts/build-server.mjs into dist/api-server.mjs: it owns PORT, serves
 * every API route itself from the route objects compiled into it (lib/server/http/create-api-request-handler.ts), and
 * hands everything else (the dashboard, next-auth, static files) to Next.js, which runs in a process of its own
 * (scripts/next-server.mjs) on TRIBUTARY_NEXT_SOCKET. Each process so holds one copy of every module.
 *
 *   PORT=3000 TRIBUTARY_NEXT_SOCKET=… DATABASE_URL=… NEXTAUTH_SECRET=… NODE_ENV=production \
 *     node --experimental-wasm-modules dist/api-server.mjs
 *
 * SIGTERM/SIGINT: stop accepting connections, finish the requests in flight (answering them with `Connection: close`),
 * write the refusals still queued (lib/server/rejected-pushes), close the database pool, exit.
 */
import http from "node:http";
import path from "node:path";
import { disconnectDatabase } from "@/lib/server/db";
import { createApiRequestHandler } from "@/lib/server/http/create-api-request-handler";
import { createNextProxy } from "@/lib/server/http/proxy-to-next";
import { rejectedPushQueue } from "@/lib/server/rejected-pushes/rejected-push-queue";
import { API_SERVER_ROUTES } from "@/lib/server/routes/api-server-routes";

const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const nextSocket = process.env.TRIBUTARY_NEXT_SOCKET;
if (!nextSocket) throw new Error("TRIBUTARY_NEXT_SOCKET is not set: start the app with `npm start`");
const DRAIN_TIMEOUT_MS = 12_000;

const handleApiRequest = createApiRequestHandler(API_SERVER_ROUTES, path.join(root, ".next"));
const proxyToNext = createNextProxy({ socketPath: nextSocket });

let stopping = false;
const server = http.createServer((req, res) => {
  if (stopping) res.setHeader("Connection", "close");
  if (handleApiRequest(req, res)) return;
  proxyToNext(req, res);
});

async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive sockets would hold the close open; busy ones close after their response (Connection: close).
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
  await closed;
  clearTimeout(forced);
  // Refusals of the last requests are written after their responses: write them before the pool closes.
  await rejectedPushQueue.flush();
  await disconnectDatabase();
  process.exit(signal === "SIGINT" ? 130 : 143);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

server.listen(port, () => {
  process.stdout.write(`web server listening on http://localhost:${port}\n`);
});
