import { createDocument } from "zod-openapi";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/server/openapi/build-openapi-document";
import { routeErrorStatuses, routeOpenApiPaths } from "@/lib/server/openapi/route-operations";
import { API_ROUTE_OBJECTS } from "@/lib/server/routes";

describe("the OpenAPI operations derived from the route objects", () => {
  it("documents every route object under its path and method", () => {
    const paths = buildOpenApiDocument().paths ?? {};
    const undocumented = API_ROUTE_OBJECTS.filter(
      (route) => route.openapi && !Object.hasOwn(paths[route.path] ?? {}, route.method.toLowerCase()),
    ).map((route) => route.name);
    expect(undocumented).toEqual([]);
  });

  it("derives the error statuses: 400 with a schema, 401 and 429 unless public, 403 with access", () => {
    const base = {
      schemas: {},
      hasAccess: false,
      openapi: { tag: "t", summary: "s", success: { description: "d" } },
    };
    expect(routeErrorStatuses(base)).toEqual([401, 429]);
    expect(routeErrorStatuses({ ...base, openapi: { ...base.openapi, public: true } })).toEqual([]);
    const withAll = { ...base, hasAccess: true, schemas: { query: API_ROUTE_OBJECTS[0]?.schemas.query } };
    expect(routeErrorStatuses({ ...withAll, openapi: { ...base.openapi, errors: [404] } })).toEqual([
      400, 401, 429, 403, 404,
    ]);
  });

  it("builds the sync API's operations with their shared schemas", () => {
    const document = createDocument({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: routeOpenApiPaths(API_ROUTE_OBJECTS.filter((route) => route.openapi?.tag === "Sync")),
    });
    expect(Object.keys(document.paths ?? {}).sort()).toEqual([
      "/api/v2/integrations",
      "/api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate",
      "/api/v2/rejected-pushes",
      "/api/v2/segment-target/{integrationKey}",
      "/api/v2/segment-targets/{integrationKey}",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts/{contextKey}",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/syncs",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users/{userKey}",
      "/api/v2/syncs",
      "/api/v2/versions",
    ]);
    expect(document.components?.schemas).toHaveProperty("SyncRun");
    expect(document.components?.schemas).toHaveProperty("SegmentMembershipChange");
    expect(document.components?.schemas).toHaveProperty("RejectedPush");
    const syncs = JSON.stringify(document.paths?.["/api/v2/syncs"]);
    for (const parameter of ["projectKey", "environmentKey", "integration", "status", "limit", "offset"]) {
      expect(syncs).toContain(`"name":"${parameter}"`);
    }
  });
});
