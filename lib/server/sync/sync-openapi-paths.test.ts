import { createDocument } from "zod-openapi";
import { describe, expect, it } from "vitest";
import { syncOpenApiPaths } from "@/lib/server/sync/sync-openapi-paths";

describe("syncOpenApiPaths", () => {
  it("builds an OpenAPI document with every sync route and its shared schemas", () => {
    const document = createDocument({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: syncOpenApiPaths,
    });
    expect(Object.keys(document.paths ?? {}).sort()).toEqual([
      "/api/v2/integrations",
      "/api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate",
      "/api/v2/segment-target/{integrationKey}",
      "/api/v2/segment-targets/{integrationKey}",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts/{contextKey}",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/syncs",
      "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users",
      "/api/v2/syncs",
      "/api/v2/versions",
      "/sdk/goals/{clientSideId}",
    ]);
    expect(document.components?.schemas).toHaveProperty("SyncRun");
    expect(document.components?.schemas).toHaveProperty("SegmentMembershipChange");
    const syncs = JSON.stringify(document.paths?.["/api/v2/syncs"]);
    for (const parameter of ["projectKey", "environmentKey", "integration", "status", "limit", "offset"]) {
      expect(syncs).toContain(`"name":"${parameter}"`);
    }
  });
});
