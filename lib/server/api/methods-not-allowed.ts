import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import { refusingRoute, type RefusingRoute } from "@/lib/server/api/refusing-route";

const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type RouteMethod = (typeof ROUTE_METHODS)[number];

/**
 * 405 `method_not_allowed` with `Allow` and the error body for every method a route.ts does not export; Next.js alone
 * answers those with an empty 405. `allowed` lists the methods the route exports (Next.js adds HEAD for a GET). Spread
 * the ones the route lacks into its exports, with OPTIONS: Next.js's own OPTIONS would list every exported method,
 * these refusals included.
 *
 *   export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/projects", ["GET", "POST"]);
 */
export function methodsNotAllowed<Allowed extends Exclude<RouteMethod, "HEAD">>(
  path: string,
  allowed: readonly Allowed[],
): Record<Exclude<RouteMethod, Allowed>, RefusingRoute> & { OPTIONS: () => Response } {
  const exported: readonly RouteMethod[] = allowed;
  const served = exported.includes("GET") ? [...exported, "HEAD"] : exported;
  const allow = [...served, "OPTIONS"].sort().join(", ");
  // HEAD is among them even for a route with GET, whose file must not export it: Next.js answers HEAD from GET.
  const refusals = Object.fromEntries(
    ROUTE_METHODS.filter((method) => !exported.includes(method)).map((method) => [
      method,
      refusingRoute(
        `${method} ${path}`,
        () =>
          new ApiError("method_not_allowed", `${method} is not allowed on ${path}; allowed: ${allow}`, {
            Allow: allow,
          }),
      ),
    ]),
  ) as Record<Exclude<RouteMethod, Allowed>, RefusingRoute>;
  return { ...refusals, OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allow } }) };
}
