import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_METHODS } from "@/lib/server/api/define-route";
import { API_ROUTE_OBJECTS } from "@/lib/server/routes";
import { API_SERVER_ROUTES, pageOf } from "@/lib/server/routes/api-server-routes";
import { UNKNOWN_API_PATH } from "@/lib/server/routes/unknown-api-path";

/** next-auth's own handlers: not API routes of ours, and served by Next.js alone. */
const NEXT_AUTH_DIRECTORY = "app/api/auth/[...nextauth]";
const CATCH_ALL_DIRECTORY = "app/api/[...path]";

function routeFiles(): string[] {
  return readdirSync("app/api", { recursive: true, encoding: "utf8" })
    .filter((name) => path.basename(name) === "route.ts")
    .map((name) => path.posix.join("app/api", name.split(path.sep).join("/")))
    .sort();
}

/** `app/api/v2/tokens/[tokenId]/route.ts` → `/api/v2/tokens/{tokenId}` */
function pathOf(file: string): string {
  return path.posix
    .dirname(file)
    .replace(/^app/, "")
    .replace(/\[([^\]]+)\]/g, "{$1}");
}

const registeredPaths = new Set(API_ROUTE_OBJECTS.map((route) => route.path));

describe("routes declared once", () => {
  it("names every route `${method} ${path}`, once", () => {
    const names = API_ROUTE_OBJECTS.map((route) => route.name);
    expect(API_ROUTE_OBJECTS.filter((route) => route.name !== `${route.method} ${route.path}`)).toEqual([]);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    const aliasesOfNothing = API_ROUTE_OBJECTS.filter(
      (route) => route.aliasOf !== undefined && !names.includes(route.aliasOf),
    );
    expect(aliasesOfNothing).toEqual([]);
  });

  it("has no route.ts under app/api that declares a handler of its own", () => {
    const offenders = routeFiles()
      .filter((file) => !file.startsWith(`${NEXT_AUTH_DIRECTORY}/`))
      .filter((file) => {
        const source = readFileSync(file, "utf8");
        const adapts = file.startsWith(`${CATCH_ALL_DIRECTORY}/`)
          ? source.includes("UNKNOWN_API_PATH")
          : source.includes("nextRouteHandlers(") && source.includes('from "@/lib/server/routes/');
        return !adapts || /apiHandler\(|export (async )?function /.test(source);
      });
    expect(offenders).toEqual([]);
  });

  it("serves each route object from the route.ts at its path, and only from there", async () => {
    const adapted = routeFiles().filter(
      (file) => !file.startsWith(`${NEXT_AUTH_DIRECTORY}/`) && !file.startsWith(`${CATCH_ALL_DIRECTORY}/`),
    );
    expect(adapted.map(pathOf).filter((routePath) => !registeredPaths.has(routePath))).toEqual([]);
    expect([...registeredPaths].filter((routePath) => !adapted.map(pathOf).includes(routePath))).toEqual([]);
    const mismatched: string[] = [];
    for (const file of adapted) {
      const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      for (const route of API_ROUTE_OBJECTS.filter((candidate) => candidate.path === pathOf(file))) {
        if (exported[route.method] !== route.handler) mismatched.push(route.name);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("gives the API server every route object and the catch-all, with the same handlers", () => {
    const served = new Map(API_SERVER_ROUTES.map((route) => [route.page, route.module]));
    expect(served.size).toBe(registeredPaths.size + 1);
    expect(served.get("/api/[...path]")).toBe(UNKNOWN_API_PATH);
    const mismatched = API_ROUTE_OBJECTS.filter(
      (route) => served.get(pageOf(route.path))?.[route.method] !== route.handler,
    ).map((route) => route.name);
    expect(mismatched).toEqual([]);
    // A method a path lacks is refused there (405 with Allow), not left to the catch-all.
    for (const [page, module] of served) {
      for (const method of API_METHODS) expect(module[method], `${method} ${page}`).toBeTypeOf("function");
    }
  });
});
