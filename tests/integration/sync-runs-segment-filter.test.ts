import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as syncsRoute from "@/app/api/v2/syncs/route";
import { syncRunCollectionSchema } from "@/lib/schemas/sync-run";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";

async function pushHightouch(token: string, environmentId: string, cohortId: string, ids: string[]) {
  const [body] = buildPartnerPayloads(
    INTEGRATIONS.hightouch,
    { environmentId, cohortId, cohortName: cohortId },
    { add: ids },
  );
  const response = await callRoute(segmentTargetsRoute.POST, {
    path: "/api/v2/segment-targets/hightouch",
    params: { integrationKey: "hightouch" },
    token,
    body,
  });
  expect(response.status).toBe(204);
}

async function listRuns(token: string, query: string) {
  const response = await callRoute(syncsRoute.GET, { path: `/api/v2/syncs?${query}`, token });
  expect(response.status).toBe(200);
  return syncRunCollectionSchema.parse(response.json);
}

describe("GET /api/v2/syncs?segment=", () => {
  it("lists only the runs that touched that segment, with each skipped member's position in its batch", async () => {
    const { project, production } = await createTestProject();
    const writer = await createTestToken({ role: "writer" });
    await pushHightouch(writer.value, production.clientSideId, "one", ["a", "", "b", "bad\u0001"]);
    await pushHightouch(writer.value, production.clientSideId, "two", ["x"]);
    await pushHightouch(writer.value, production.clientSideId, "one", ["c"]);
    const base = `projectKey=${project.key}&environmentKey=production`;

    const all = await listRuns(writer.value, base);
    expect(all.totalCount).toBe(3);
    const one = await listRuns(writer.value, `${base}&segment=hightouch-one`);
    expect(one.totalCount).toBe(2);
    expect(one.items.every((run) => run.segments.includes("hightouch-one"))).toBe(true);
    const partial = await listRuns(writer.value, `${base}&segment=hightouch-one&status=partially_applied`);
    expect(partial.items).toHaveLength(1);
    expect(partial.items[0]?.skipped).toEqual([
      { id: "", reason: "empty", position: 2 },
      { id: "bad\u0001", reason: "contains control characters", position: 4 },
    ]);
    expect((await listRuns(writer.value, `${base}&segment=no-such-segment`)).totalCount).toBe(0);
  });
});
