import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { logger } from "@/lib/server/logger";

/** Headers of one connection, which a proxy must not pass on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

export type NextAddress = { socketPath: string } | { host: string; port: number };

function forwardedHeaders(req: IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  // Next.js keeps the x-forwarded-for a client sent; the address that connected here goes last, where the sign-in limits
  // look for it (TRIBUTARY_TRUSTED_PROXIES counts the proxies before this server).
  const forwardedFor = req.headers["x-forwarded-for"];
  const peer = req.socket.remoteAddress ?? "";
  headers["x-forwarded-for"] = forwardedFor ? `${String(forwardedFor)}, ${peer}` : peer;
  const tls = "encrypted" in req.socket && req.socket.encrypted === true;
  if (!req.headers["x-forwarded-proto"]) headers["x-forwarded-proto"] = tls ? "https" : "http";
  return headers;
}

/** Methods without a body that change nothing: safe to send again when the connection failed before any answer. */
const RETRIED_METHODS = new Set(["GET", "HEAD"]);

/**
 * Hands a request to the Next.js process (pages, next-auth, static assets) and streams its answer back. Next.js runs in
 * a process of its own, so neither process loads the other's copy of any module. Each request opens its own connection
 * to Next.js's Unix socket (cheap, and no pooled connection can be closed by Next.js just as it is reused, which under
 * load gave e2e runs stray 502s); a GET or HEAD whose connection fails before any answer is sent once more. A Next.js
 * that still cannot be reached is a 502 with a plain-text body (pages, not the API, take this path).
 */
export function createNextProxy(address: NextAddress): (req: IncomingMessage, res: ServerResponse) => void {
  const agent = new http.Agent({ keepAlive: false });
  return function proxyToNext(req, res) {
    const send = (attempt: number) => {
      const upstream = http.request(
        { ...address, agent, method: req.method, path: req.url, headers: forwardedHeaders(req) },
        (answer) => {
          const headers: http.OutgoingHttpHeaders = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
          }
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", (error) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (attempt === 0 && RETRIED_METHODS.has(req.method ?? "") && !res.destroyed) {
          send(1);
          return;
        }
        logger.error("Next.js could not be reached", { path: req.url?.split("?")[0], error });
        res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
        res.end("The dashboard is not reachable right now.\n");
      });
      res.once("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      if (RETRIED_METHODS.has(req.method ?? "")) {
        req.resume();
        upstream.end();
      } else req.pipe(upstream);
    };
    send(0);
  };
}
