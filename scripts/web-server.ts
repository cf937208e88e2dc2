/**
 * The web server `npm start` runs (in place of `next start`): Next.js serves the dashboard and every API route, except the
 * hot ones (partner pushes, membership writes, lookups, evaluate), which go straight to the same route modules without
 * Next.js's per-request routing (lib/server/http/create-hot-route-handler.ts). Needs a production build (`next build`).
 *
 *   PORT=3000 DATABASE_URL=… NEXTAUTH_SECRET=… NODE_ENV=production \
 *     node --experimental-wasm-modules --conditions=react-server --import tsx scripts/web-server.ts
 *
 * SIGTERM/SIGINT: stop accepting connections, finish the requests in flight (answering them with `Connection: close`),
 * close the database pool, exit.
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { disconnectDatabase } from "@/lib/server/db";

// The load and fault scripts find the web server among the app's processes by this title.
process.title = "tributary-web";
const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const DRAIN_TIMEOUT_MS = 12_000;

const app = next({ dev: false, dir: root, port, hostname: "localhost" });
await app.prepare();
const handleWithNext = app.getRequestHandler();
// Imported only now: route modules load next/server, which needs the request storage Next.js sets up in prepare().
const { createHotRouteHandler } = await import("@/lib/server/http/create-hot-route-handler");
const { HOT_API_ROUTES } = await import("@/lib/server/http/hot-api-routes");
const handleHotRoute = await createHotRouteHandler(HOT_API_ROUTES, path.join(root, ".next"));

let stopping = false;
const server = http.createServer((req, res) => {
  if (stopping) res.setHeader("Connection", "close");
  if (handleHotRoute(req, res)) return;
  // As every proxy does: the sign-in limits count per client address (lib/server/auth/client-address.ts), and the last
  // entry of X-Forwarded-For is then one no client can choose.
  const peer = req.socket.remoteAddress;
  if (peer)
    req.headers["x-forwarded-for"] = [req.headers["x-forwarded-for"], peer].filter(Boolean).join(", ");
  void handleWithNext(req, res);
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
  await app.close().catch(() => undefined);
  await disconnectDatabase();
  process.exit(signal === "SIGINT" ? 130 : 143);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

server.listen(port, () => {
  process.stdout.write(`web server listening on http://localhost:${port}\n`);
});
