import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A route handler as Next.js calls it, whatever its own params type (method syntax: parameters compare bivariantly). */
export type RouteHandler = {
  call(req: NextRequest, context: { params: Promise<Record<string, string>> }): Promise<Response> | Response;
}["call"];

export type DiscoveredRoute = {
  /** `app/api/v2/segments/[projectKey]/route.ts` */
  file: string;
  /** `/api/v2/segments/{projectKey}` */
  path: string;
  source: string;
  handlers: Partial<Record<HttpMethod, RouteHandler>>;
};

const APP_DIR = path.resolve(process.cwd(), "app");

/** `app/api/v2/tokens/[tokenId]/route.ts` → `/api/v2/tokens/{tokenId}`; a catch-all keeps its brackets. */
function urlPathOf(file: string): string {
  const directory = path.posix.dirname(file).replace(/^app/, "");
  return directory.replace(/\[(?!\.\.\.)([^\]]+)\]/g, "{$1}");
}

/**
 * Every `app/api/** /route.ts` on disk, imported, with the HTTP methods it exports: what Next.js would serve, found the
 * way Next.js finds it, so that a test built from a table notices a route the table lacks.
 */
export async function discoverApiRoutes(): Promise<DiscoveredRoute[]> {
  const files = readdirSync(path.join(APP_DIR, "api"), { recursive: true, encoding: "utf8" })
    .filter((name) => path.basename(name) === "route.ts")
    .map((name) => path.posix.join("app/api", name.split(path.sep).join("/")))
    .sort();
  const routes: DiscoveredRoute[] = [];
  for (const file of files) {
    const absolute = path.resolve(process.cwd(), file);
    const exports = (await import(/* @vite-ignore */ absolute)) as Record<string, unknown>;
    const handlers: Partial<Record<HttpMethod, RouteHandler>> = {};
    for (const method of HTTP_METHODS) {
      const handler = exports[method];
      // A handler that refuses every request (lib/server/api/refusing-route.ts: an unknown path, a method the route
      // lacks) is no route of its own.
      if (typeof handler === "function" && !("refusesEveryRequest" in handler)) {
        handlers[method] = handler as RouteHandler;
      }
    }
    routes.push({ file, path: urlPathOf(file), source: readFileSync(absolute, "utf8"), handlers });
  }
  return routes;
}
