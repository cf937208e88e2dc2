import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";

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

/**
 * Hands a request to the Next.js process (pages, next-auth, static assets) and streams its answer back. Next.js runs in
 * a process of its own, so neither process loads the other's copy of any module. A Next.js that cannot be reached is a
 * 502 with a plain-text body (pages, not the API, take this path).
 */
export function createNextProxy(address: NextAddress): (req: IncomingMessage, res: ServerResponse) => void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return function proxyToNext(req, res) {
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
    upstream.on("error", () => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end("The dashboard is not reachable right now.\n");
    });
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
}
