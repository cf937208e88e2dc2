import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import type { RouteHandler } from "@/tests/support/api-routes";

/** A route module served at `path`, whose `{name}` segments become params, as Next.js names them from `[name]`. */
export type ServedRoute = { path: string; module: Record<string, unknown> };

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
};

export type RouteServer = {
  /** `http://127.0.0.1:{port}` */
  origin: string;
  /** Every request, in arrival order, as a client sent it. */
  received: ReceivedRequest[];
  close: () => Promise<void>;
};

type CompiledRoute = { pattern: RegExp; names: string[]; module: Record<string, unknown> };

function compile({ path, module }: ServedRoute): CompiledRoute {
  const names: string[] = [];
  const source = path
    .split("/")
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      if (param === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(param);
      return "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), names, module };
}

function isHandler(value: unknown): value is RouteHandler {
  return typeof value === "function";
}

/**
 * The given route handlers behind a real HTTP server on 127.0.0.1, for clients that make their own HTTP requests (a
 * partner's published code). Requests reach the handlers as Next.js would hand them over: a NextRequest and the path's
 * params; HEAD falls back to GET as in Next.js. A path no route matches is 404.
 */
export async function startRouteServer(routes: readonly ServedRoute[]): Promise<RouteServer> {
  const compiled = routes.map(compile);
  const received: ReceivedRequest[] = [];

  async function dispatch(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    const body = Buffer.concat(chunks).toString("utf8");
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    received.push({ method, path: url.pathname, headers: req.headers, body });

    let match: { route: CompiledRoute; values: string[] } | undefined;
    for (const route of compiled) {
      const found = route.pattern.exec(url.pathname);
      if (found) {
        match = { route, values: found.slice(1) };
        break;
      }
    }
    if (!match) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "not_found", message: "no such route in this test server", id: "-" }));
      return;
    }
    const exported = match.route.module[method] ?? (method === "HEAD" ? match.route.module.GET : undefined);
    if (!isHandler(exported)) {
      res.writeHead(405);
      res.end();
      return;
    }
    const params = Object.fromEntries(
      match.route.names.map((name, index) => [name, decodeURIComponent(match.values[index] ?? "")]),
    );
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const hasBody = method !== "GET" && method !== "HEAD";
    const request = new NextRequest(url, { method, headers, body: hasBody ? body : undefined });
    const response = await exported(request, { params: Promise.resolve(params) });
    const answer = Buffer.from(await response.arrayBuffer());
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.setHeader("content-length", answer.length);
    res.writeHead(response.status);
    // Node.js sends no body with a HEAD answer, whatever is written.
    res.end(answer);
  }

  const server = http.createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
