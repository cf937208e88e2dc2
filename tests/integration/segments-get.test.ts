import { describe, expect, it } from "vitest";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import {
  addMembers,
  createSegmentOk,
  createSegmentRequest,
  getSegment,
  keysOf,
  listSegments,
} from "@/tests/support/segments-api";

describe("GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}", () => {
  it("gets a synced segment with its counts and sync status, never listing its members", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "amplitude-1", name: "Cohort", unbounded: true });
    const segment = await addMembers("amplitude-1", t, ["u1", "u2", "u3"], ["u4"]);
    const syncedAt = new Date(Date.UTC(2030, 5, 1));
    await prisma.segment.update({
      where: { id: segment.id },
      data: {
        external: "amplitude",
        externalLink: "https://amplitude.example/cohort/1",
        externalCohortId: "1",
        membershipLastModified: syncedAt,
        lastSyncAt: syncedAt,
        lastSyncStatus: "partially_applied",
      },
    });
    const response = await getSegment(t, "amplitude-1");
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      key: "amplitude-1",
      unbounded: true,
      included: [],
      excluded: [],
      _external: "amplitude",
      _externalLink: "https://amplitude.example/cohort/1",
      _unboundedMetadata: { includedCount: 3, excludedCount: 1, lastModified: syncedAt.getTime() },
      _lastSync: { at: syncedAt.getTime(), status: "partially_applied" },
    });
  });

  it("lists the targets of a list-based segment", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "list", name: "List" });
    await addMembers("list", t, ["b", "a"], ["c"]);
    expect((await getSegment(t, "list")).json).toMatchObject({ included: ["a", "b"], excluded: ["c"] });
  });

  it("answers 404 for an unknown segment or environment", async () => {
    const t = await createTestTenant();
    expectError(await getSegment(t, "nope"), 404, "not_found");
    expectError(
      await callRoute(segmentRoute.GET, {
        path: `/api/v2/segments/${t.project.key}/nope/x`,
        params: { projectKey: t.project.key, environmentKey: "nope", segmentKey: "x" },
        token: t.token,
      }),
      404,
      "not_found",
    );
  });

  it("answers 401 without a valid token and without viewSegment the 404 of an unknown segment", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "hightouch-y", name: "H" });
    await createSegmentOk(t, { key: "amplitude-x", name: "A" });
    expectError(await getSegment(t, "hightouch-y", null), 401, "unauthorized");
    expectError(await getSegment(t, "hightouch-y", "api-not-a-real-token"), 401, "unauthorized");
    const noAccess = (await createTestToken({ role: "no_access" })).value;
    expectError(await getSegment(t, "hightouch-y", noAccess), 404, "not_found");
    const amplitudeOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    expectError(await getSegment(t, "hightouch-y", amplitudeOnly), 404, "not_found");
    expect((await getSegment(t, "amplitude-x", amplitudeOnly)).status).toBe(200);
  });
});

describe("segments are scoped to their environment", () => {
  it("keeps keys, lists and generations per environment", async () => {
    const t = await createTestTenant();
    const other = {
      ...t,
      params: { ...t.params, environmentKey: "test" },
      segmentsPath: `/api/v2/segments/${t.project.key}/test`,
    };
    const key = unique("seg");
    await createSegmentOk(t, { key, name: "In production" });
    const inTest = await createSegmentRequest(other, { key, name: "In test" });
    expect(inTest).toMatchObject({ status: 201, json: { generation: 1 } });
    expect(keysOf(await listSegments(other))).toEqual([key]);
    expect((await getSegment(other, key)).json).toMatchObject({ name: "In test" });
  });
});
