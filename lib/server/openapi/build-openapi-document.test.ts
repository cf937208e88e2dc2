import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every `route.ts` under app/api/v2 with the HTTP methods it exports, as OpenAPI paths (`[x]` becomes `{x}`). */
function apiRoutes(): { path: string; method: string }[] {
  const root = path.resolve("app/api/v2");
  const found: { path: string; method: string }[] = [];
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (entry === "route.ts") {
        const source = readFileSync(full, "utf8");
        const routePath = `/api/v2/${path.relative(root, directory)}`
          .replace(/\[([^\]]+)\]/g, "{$1}")
          .replace(/\/$/, "");
        for (const method of METHODS) {
          if (
            new RegExp(`export const ${method}\\b|\\bas ${method}\\b|export \\{[^}]*\\b${method}\\b`).test(
              source,
            )
          ) {
            found.push({ path: routePath, method: method.toLowerCase() });
          }
        }
      }
    }
  };
  visit(root);
  return found;
}

describe("buildOpenApiDocument", () => {
  it("is OpenAPI 3.1 with LaunchDarkly's error body", () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.schemas).toHaveProperty("Error");
    expect(JSON.stringify(document)).toContain('"in":"path"');
  });

  it("documents every route and method under /api/v2", () => {
    const paths = buildOpenApiDocument().paths ?? {};
    const undocumented = apiRoutes().filter(({ path: routePath, method }) => {
      const item = Object.hasOwn(paths, routePath) ? paths[routePath] : undefined;
      return !item || !Object.hasOwn(item, method);
    });
    expect(undocumented).toEqual([]);
  });
});
