import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ApiRoute, RouteModule } from "@/lib/server/http/api-route-module";
import { createApiRequestHandler } from "@/lib/server/http/create-api-request-handler";
import { discoverApiRoutes } from "@/tests/support/api-routes";

export type TestApiServer = {
  /** `http://127.0.0.1:{port}` */
  origin: string;
  close: () => Promise<void>;
};

/**
 * Every API route on disk served over real HTTP on 127.0.0.1 by the production request handler
 * (lib/server/http/create-api-request-handler.ts), as dist/api-server.mjs serves them; what it would hand to Next.js is
 * answered 599 here. No next.config.js headers (there is no build to read them from).
 */
export async function startTestApiServer(): Promise<TestApiServer> {
  const routes: ApiRoute[] = [];
  for (const route of await discoverApiRoutes()) {
    const routeModule = (await import(/* @vite-ignore */ path.resolve(route.file))) as RouteModule;
    routes.push({ page: path.posix.dirname(route.file).replace(/^app/, ""), module: routeModule });
  }
  const distDir = mkdtempSync(path.join(tmpdir(), "tributary-api-"));
  writeFileSync(path.join(distDir, "routes-manifest.json"), JSON.stringify({ headers: [] }));
  const handle = createApiRequestHandler(routes, distDir);
  const server = createServer((req, res) => {
    if (handle(req, res)) return;
    res.writeHead(599).end("left to Next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}
