import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, IncomingMessage, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import type { RouteModule } from "@/lib/server/http/api-route-module";
import { compilePagePattern, type PageParam } from "@/lib/server/http/compile-page-pattern";
import { createApiRequestHandler } from "@/lib/server/http/create-api-request-handler";
import { API_SERVER_ROUTES } from "@/lib/server/routes/api-server-routes";

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as the client sent it, complete once the request has been answered. */
  readonly body: string;
};

export type TestApiServer = {
  /** `http://127.0.0.1:{port}` */
  origin: string;
  /** Every request, in arrival order, as a client sent it. */
  received: readonly ReceivedRequest[];
  close: () => Promise<void>;
};

/** A request that keeps a copy of every body chunk the parser hands it, whoever reads the body. */
class RecordedRequest extends IncomingMessage {
  readonly bodyChunks: Buffer[] = [];

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (Buffer.isBuffer(chunk)) this.bodyChunks.push(chunk);
    return super.push(chunk, encoding);
  }
}

type PageRoute = { pattern: RegExp; params: PageParam[]; module: RouteModule };

/** The route files outside app/api (`app/sdk/goals/[clientSideId]/route.ts`): production hands them to Next.js. */
async function loadPageRoutes(): Promise<PageRoute[]> {
  const appDir = path.resolve(process.cwd(), "app");
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .map((name) => name.split(path.sep).join("/"))
    .filter((name) => path.posix.basename(name) === "route.ts" && !name.startsWith("api/"));
  const routes: PageRoute[] = [];
  for (const file of files) {
    const routeModule = (await import(/* @vite-ignore */ path.join(appDir, file))) as RouteModule;
    routes.push({ ...compilePagePattern(`/${path.posix.dirname(file)}`), module: routeModule });
  }
  return routes;
}

/** What Next.js does for a route file outside app/api: the route's handler with a NextRequest and the path's params. */
async function servePageRoute(routes: readonly PageRoute[], req: RecordedRequest, res: ServerResponse) {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  const method = req.method ?? "GET";
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    const handler = match ? route.module[method as keyof RouteModule] : undefined;
    if (!match || !handler) continue;
    const params = Object.fromEntries(
      route.params.map((param, index) => [param.name, decodeURIComponent(match[index + 1] ?? "")]),
    );
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    for await (const chunk of req) void chunk;
    const body = method === "GET" || method === "HEAD" ? undefined : Buffer.concat(req.bodyChunks);
    const response = await handler(new NextRequest(url, { method, headers, body }), {
      params: Promise.resolve(params),
    });
    const answer = Buffer.from(await response.arrayBuffer());
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.writeHead(response.status, { "content-length": answer.length });
    // Node.js sends no body with a HEAD answer, whatever is written.
    res.end(answer);
    return;
  }
  res.writeHead(404).end("no such page in the test server");
}

/**
 * The app's HTTP surface on 127.0.0.1 over real HTTP, for tests and for clients that make their own requests (LaunchDarkly's
 * published API client, Twilio Segment's destination): every API route object through the production request handler
 * (lib/server/http/create-api-request-handler.ts with API_SERVER_ROUTES, exactly what dist/api-server.mjs serves), and the route files production
 * hands to Next.js (app/sdk/...) called as Next.js calls them. Anything else (pages, next-auth) is 404. No
 * next.config.js headers (there is no build to read them from).
 */
export async function startTestApiServer(): Promise<TestApiServer> {
  const pageRoutes = await loadPageRoutes();
  const distDir = mkdtempSync(path.join(tmpdir(), "tributary-api-"));
  writeFileSync(path.join(distDir, "routes-manifest.json"), JSON.stringify({ headers: [] }));
  const handleApiRequest = createApiRequestHandler(API_SERVER_ROUTES, distDir);
  const received: ReceivedRequest[] = [];

  const server = createServer<typeof RecordedRequest>({ IncomingMessage: RecordedRequest }, (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    received.push({
      method: req.method ?? "GET",
      path: url.pathname,
      headers: req.headers,
      get body() {
        return Buffer.concat(req.bodyChunks).toString("utf8");
      },
    });
    if (handleApiRequest(req, res)) return;
    servePageRoute(pageRoutes, req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}
