import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import type { ApiRouteObject, RouteAnswer, RouteDocumentation } from "@/lib/server/api/define-route";
import { errorResponses, jsonRequestBody, successResponse } from "@/lib/server/openapi/operation-parts";

/** A route's error statuses: what its declaration implies, and those it names. */
export function routeErrorStatuses(
  route: Pick<ApiRouteObject, "schemas" | "hasAccess"> & { openapi: RouteDocumentation },
): number[] {
  const { schemas, openapi } = route;
  const derived: number[] = [];
  // Path parameters are checked on every route that has them (NUL, bad percent-encoding), as is any query or body.
  if (schemas.params || schemas.query || schemas.body || openapi.requestBody) derived.push(400);
  if (!openapi.public) derived.push(401, 429);
  if (route.hasAccess) derived.push(403);
  return [...derived, ...(openapi.errors ?? [])];
}

function successes(answers: RouteAnswer | readonly RouteAnswer[]) {
  const list: readonly RouteAnswer[] = Array.isArray(answers) ? answers : [answers];
  return Object.fromEntries(
    list.map((answer) => [
      String(answer.status ?? (answer.schema ? 200 : 204)),
      successResponse(answer.description, answer.schema, answer.mediaType),
    ]),
  );
}

/** The OpenAPI operation of one documented route object. */
export function routeOperation(
  route: ApiRouteObject & { openapi: RouteDocumentation },
): ZodOpenApiOperationObject {
  const { schemas, openapi } = route;
  const requestParams = {
    ...(schemas.params ? { path: schemas.params } : {}),
    ...(schemas.query ? { query: schemas.query } : {}),
  };
  const requestBody = openapi.requestBody ?? (schemas.body ? jsonRequestBody(schemas.body) : undefined);
  return {
    tags: [openapi.tag],
    summary: openapi.summary,
    ...(openapi.description === undefined ? {} : { description: openapi.description }),
    security: openapi.public ? [] : [{ ApiToken: [] }],
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { ...successes(openapi.success), ...errorResponses(routeErrorStatuses(route)) },
  };
}

/** The OpenAPI paths of the documented route objects, each path's operations under its lower-cased methods. */
export function routeOpenApiPaths(routes: readonly ApiRouteObject[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const { openapi } = route;
    if (!openapi) continue;
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: routeOperation({ ...route, openapi }),
    };
  }
  return paths;
}
