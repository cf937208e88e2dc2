import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { ZodOpenApiRequestBodyObject } from "zod-openapi";
import type { ApiError } from "@/lib/server/api/errors";
import { apiHandler, type ApiContext, type ApiRoute, type RouteRefusal } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/parse-query";
import { readJsonBody, type ReadJsonOptions } from "@/lib/server/api/read-json-body";

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

type PathParams = Record<string, string>;

export type RouteSchemas = {
  /** The path's `{name}` parameters; validated before the handler runs (a 400 with the error body). */
  params?: z.ZodType<PathParams> & z.ZodObject;
  /** The query string, parsed just before `handle` (after authentication, rate limit and `access`). */
  query?: z.ZodObject;
  /** A JSON body, read and parsed just before `handle`. */
  body?: z.ZodType;
};

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
type ParamsOf<S extends RouteSchemas> = S["params"] extends z.ZodType ? z.output<S["params"]> : PathParams;

export type RouteContext<S extends RouteSchemas> = Omit<ApiContext<ParamsOf<S>>, "params"> & {
  params: ParamsOf<S>;
  query: Parsed<S["query"]>;
  body: Parsed<S["body"]>;
};

export type RouteAnswer = {
  status?: 200 | 201 | 202 | 204;
  description: string;
  schema?: z.ZodType;
  /** The body's media type when not JSON (a CSV export). */
  mediaType?: string;
};

/** What the OpenAPI document says of a route beyond what its schemas and access already tell. */
export type RouteDocumentation = {
  tag: string;
  summary: string;
  description?: string;
  /** The success answers (usually one). */
  success: RouteAnswer | readonly RouteAnswer[];
  /** Error statuses beyond the derived ones (400 with a schema, 401, 403 with `access`, 429). */
  errors?: readonly number[];
  /** A body the handler reads itself (several media types, a partner's own payload), instead of `schemas.body`. */
  requestBody?: ZodOpenApiRequestBodyObject;
  /** Omits 401 and the security requirement. */
  public?: boolean;
};

export type RouteSpec<S extends RouteSchemas> = {
  method: ApiMethod;
  /** OpenAPI style: `/api/v2/projects/{projectKey}`. */
  path: string;
  schemas?: S;
  /** A policy check that needs only the path, done before the body or query is read. */
  access?: (params: ParamsOf<S>) => { action: string; resource: string };
  openapi: RouteDocumentation;
  bodyOptions?: ReadJsonOptions;
  /** An integration with its own error body (Heap) renders every error of its requests, 401 included. */
  errorRendererFor?: (params: PathParams) => ((error: ApiError, requestId: string) => Response) | undefined;
  /** Told of every error answer (the partner and membership routes record their refusals). */
  onRefused?: (refusal: RouteRefusal) => void;
  handle: (context: RouteContext<S>) => Promise<Response>;
};

/** What serves a route: the API wrapper's handler, or a plain one (the OpenAPI document) without `forApiRequest`. */
export type RouteHandler = ((
  req: NextRequest,
  context: { params: Promise<PathParams> },
) => Promise<Response>) & {
  forApiRequest?: ApiRoute<PathParams>["forApiRequest"];
};

/** One API route, declared once: what serves it, what documents it, and what names it in logs and rate limits. */
export type ApiRouteObject = {
  method: ApiMethod;
  path: string;
  /** `${method} ${path}`: the route's name in logs and its rate-limit window. */
  name: string;
  schemas: RouteSchemas;
  hasAccess: boolean;
  /** Absent for a route the document does not describe. */
  openapi?: RouteDocumentation;
  handler: RouteHandler;
  /** For an alias, the name of the route whose handler (and rate-limit window and log name) it shares. */
  aliasOf?: string;
};

/**
 * Declares an API route: the wrapper (`apiHandler`: request id, authentication, rate limit, `access`, error body) around
 * `handle`, with the path parameters validated and the query and JSON body parsed by their schemas.
 */
export function defineRoute<S extends RouteSchemas = Record<never, never>>(
  spec: RouteSpec<S>,
): ApiRouteObject {
  const name = `${spec.method} ${spec.path}`;
  const schemas: RouteSchemas = spec.schemas ?? {};
  const handler = apiHandler<ParamsOf<S>>(
    async (context) => {
      const query = schemas.query ? parseQuery(context.req.nextUrl, schemas.query) : undefined;
      const body = schemas.body
        ? schemas.body.parse(await readJsonBody(context.req, spec.bodyOptions))
        : undefined;
      // The schemas were given as S's: what they parse to is S's output.
      return spec.handle({ ...context, query, body } as RouteContext<S>);
    },
    {
      route: name,
      access: spec.access,
      errorRendererFor: spec.errorRendererFor,
      onRefused: spec.onRefused,
      paramsSchema: schemas.params as z.ZodType<ParamsOf<S>> | undefined,
    },
  );
  return {
    method: spec.method,
    path: spec.path,
    name,
    schemas,
    hasAccess: spec.access !== undefined,
    openapi: spec.openapi,
    handler: handler as ApiRoute<PathParams>,
  };
}

/**
 * Another path for a route (LaunchDarkly's older or singular spelling): the same handler, so one rate-limit window and
 * one name in the logs for both paths, documented as an alias.
 */
export function defineAlias(route: ApiRouteObject, path: string): ApiRouteObject {
  const { openapi } = route;
  return {
    ...route,
    path,
    name: `${route.method} ${path}`,
    aliasOf: route.name,
    openapi: openapi && { ...openapi, summary: `${openapi.summary} (alias)` },
  };
}

/**
 * A route outside the API wrapper: no principal, no rate limit, no request id (the OpenAPI document, public like
 * LaunchDarkly's). Documented only when `openapi` is given, and then as public.
 */
export function definePlainRoute(spec: {
  method: ApiMethod;
  path: string;
  openapi?: Omit<RouteDocumentation, "public">;
  handle: (req: NextRequest) => Promise<Response> | Response;
}): ApiRouteObject {
  return {
    method: spec.method,
    path: spec.path,
    name: `${spec.method} ${spec.path}`,
    schemas: {},
    hasAccess: false,
    openapi: spec.openapi && { ...spec.openapi, public: true },
    handler: async (req) => spec.handle(req),
  };
}
