import { describe, expect, it } from "vitest";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import {
  addMembers,
  createSegmentOk,
  deleteSegment,
  expectNothingWritten,
  getSegment,
  segmentsSnapshot,
} from "@/tests/support/segments-api";

describe("DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}", () => {
  it("deletes the segment and its members, and a re-created key gets generation 2", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "amplitude-1", name: "Cohort", unbounded: true });
    const segment = await addMembers("amplitude-1", t, ["u1", "u2"], ["u3"]);
    const response = await deleteSegment(t, "amplitude-1");
    expect(response.status).toBe(204);
    expect(response.json).toBeNull();
    expect(await prisma.segment.findUnique({ where: { id: segment.id } })).toBeNull();
    expect(await prisma.segmentMember.count({ where: { segmentId: segment.id } })).toBe(0);
    expect(await prisma.segmentExclusion.count({ where: { segmentId: segment.id } })).toBe(0);
    expectError(await getSegment(t, "amplitude-1"), 404, "not_found");
    expectError(await deleteSegment(t, "amplitude-1"), 404, "not_found");
    const audit = await prisma.auditEntry.findMany({
      where: { target: `proj/${t.project.key}:env/production:segment/amplitude-1` },
      orderBy: { date: "asc" },
    });
    expect(audit.map((entry) => (entry.accesses as { action: string }[])[0]?.action)).toEqual([
      "createSegment",
      "deleteSegment",
    ]);

    const recreated = await createSegmentOk(t, { key: "amplitude-1", name: "Cohort again", unbounded: true });
    expect(recreated.json).toMatchObject({
      generation: 2,
      version: 1,
      _unboundedMetadata: { includedCount: 0 },
    });
    await deleteSegment(t, "amplitude-1");
    expect((await createSegmentOk(t, { key: "amplitude-1", name: "Third" })).json).toMatchObject({
      generation: 3,
    });
  });

  it("queues the removal of the segment's ref from the environment's enabled stores", async () => {
    const t = await createTestTenant();
    await prisma.storeIntegration.create({
      data: { environmentId: t.production.id, integrationKey: "redis", name: "Redis", config: {} },
    });
    await createSegmentOk(t, { key: "amplitude-1", name: "Cohort", unbounded: true });
    const segment = await addMembers("amplitude-1", t, ["u2", "u1"], ["u3"]);
    expect((await deleteSegment(t, "amplitude-1")).status).toBe(204);
    const outbox = await prisma.membershipOutbox.findMany({ where: { segmentId: segment.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ segmentRef: "amplitude-1.g1", contextKeys: ["u1", "u2", "u3"] });
  });

  it("answers 401 without a valid token, 403 to a viewer without deleteSegment, 404 to others, deleting nothing", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "amplitude-x", name: "A" });
    await createSegmentOk(t, { key: "hightouch-y", name: "H" });
    await addMembers("hightouch-y", t, ["u1"]);
    const reader = (await createTestToken({ role: "reader" })).value;
    const renameOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["update*"], resources: ["proj/*:env/*:segment/*"] },
    ]);
    const amplitudeOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["deleteSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const before = await segmentsSnapshot(t);
    expectError(await deleteSegment(t, "hightouch-y", null), 401, "unauthorized");
    expectError(await deleteSegment(t, "hightouch-y", "api-not-a-real-token"), 401, "unauthorized");
    expectError(await deleteSegment(t, "hightouch-y", reader), 403, "forbidden");
    expectError(await deleteSegment(t, "hightouch-y", renameOnly), 404, "not_found");
    expectError(await deleteSegment(t, "hightouch-y", amplitudeOnly), 404, "not_found");
    await expectNothingWritten(t, before);
    expect((await deleteSegment(t, "amplitude-x", amplitudeOnly)).status).toBe(204);
  });

  it("answers 404 for an unknown environment", async () => {
    const t = await createTestTenant();
    const response = await callRoute(segmentRoute.DELETE, {
      path: `/api/v2/segments/${t.project.key}/nope/x`,
      params: { projectKey: t.project.key, environmentKey: "nope", segmentKey: "x" },
      method: "DELETE",
      token: t.token,
    });
    expectError(response, 404, "not_found");
  });
});
