import { describe, expect, it } from "vitest";
import * as segmentsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import {
  createSegmentOk,
  createSegmentRequest,
  expectNothingWritten,
  segmentsSnapshot,
} from "@/tests/support/segments-api";

describe("POST /api/v2/segments/{projectKey}/{environmentKey}", () => {
  it("creates a segment with every field, generation 1, and an audit entry", async () => {
    const t = await createTestTenant();
    const before = Date.now();
    const response = await createSegmentRequest(t, {
      key: "beta-users",
      name: "Beta users",
      description: "People in the beta",
      tags: ["web", "beta"],
      unbounded: true,
      unboundedContextKind: "device",
    });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      key: "beta-users",
      name: "Beta users",
      description: "People in the beta",
      tags: ["web", "beta"],
      creationDate: expect.any(Number),
      lastModifiedDate: expect.any(Number),
      version: 1,
      generation: 1,
      deleted: false,
      unbounded: true,
      unboundedContextKind: "device",
      included: [],
      excluded: [],
      rules: [],
      _unboundedMetadata: { includedCount: 0, excludedCount: 0 },
      _lastSync: null,
      _editedByHand: { name: false, description: false, tags: false },
      _dataAge: { lastSuccessfulSyncAt: null, ageMs: null },
      _links: {
        self: { href: `/api/v2/segments/${t.project.key}/production/beta-users`, type: "application/json" },
      },
    });
    const body = response.json as { creationDate: number };
    expect(body.creationDate).toBeGreaterThanOrEqual(before - 1000);
    // LaunchDarkly omits what a segment lacks; its client's models have no null for these.
    for (const absent of ["_external", "_externalLink"]) expect(body).not.toHaveProperty(absent);
    expect(response.json).not.toHaveProperty("_unboundedMetadata.lastModified");
    expect(
      await prisma.segmentGeneration.findUnique({
        where: { environmentId_key: { environmentId: t.production.id, key: "beta-users" } },
      }),
    ).toMatchObject({ generation: 1 });
    const audit = await prisma.auditEntry.findMany({
      where: { target: `proj/${t.project.key}:env/production:segment/beta-users;web,beta` },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      kind: "segment",
      accesses: [{ action: "createSegment", resource: audit[0]?.target }],
    });
  });

  it("defaults to a list-based segment of user contexts", async () => {
    const t = await createTestTenant();
    const response = await createSegmentOk(t, { key: "plain", name: "Plain" });
    expect(response.json).not.toHaveProperty("description");
    expect(response.json).toMatchObject({
      tags: [],
      unbounded: false,
      unboundedContextKind: "user",
      generation: 1,
    });
  });

  it.each([
    ["a missing name", { key: "a" }],
    ["a missing key", { name: "A" }],
    ["an empty name", { key: "a", name: "   " }],
    ["a name over 256 characters", { key: "a", name: "n".repeat(257) }],
    ["a key with a space", { key: "a b", name: "A" }],
    ["a key over 256 characters", { key: "k".repeat(257), name: "A" }],
    ["a bad tag", { key: "a", name: "A", tags: ["no spaces"] }],
    ["a description over 1024 characters", { key: "a", name: "A", description: "d".repeat(1025) }],
    ["a reserved context kind", { key: "a", name: "A", unboundedContextKind: "multi" }],
    ["a non-boolean unbounded", { key: "a", name: "A", unbounded: "yes" }],
    ["an array", [{ key: "a", name: "A" }]],
  ])("rejects %s with 400 and writes nothing", async (_case, body) => {
    const t = await createTestTenant();
    const before = await segmentsSnapshot(t);
    expectError(await createSegmentRequest(t, body), 400, "invalid_request");
    await expectNothingWritten(t, before);
  });

  it("rejects a body that is not JSON with 400", async () => {
    const t = await createTestTenant();
    const response = await callRoute(segmentsRoute.POST, {
      path: t.segmentsPath,
      params: t.params,
      token: t.token,
      rawBody: "{nope",
      headers: { "content-type": "application/json" },
    });
    expectError(response, 400, "invalid_request");
  });

  it("answers 409 for a duplicate key and keeps the generation", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "dup", name: "First" });
    const before = await segmentsSnapshot(t);
    expectError(await createSegmentRequest(t, { key: "dup", name: "Second" }), 409, "conflict");
    await expectNothingWritten(t, before);
  });

  it("answers 404 for an unknown environment", async () => {
    const t = await createTestTenant();
    const response = await callRoute(segmentsRoute.POST, {
      path: `/api/v2/segments/${t.project.key}/nope`,
      params: { projectKey: t.project.key, environmentKey: "nope" },
      token: t.token,
      body: { key: "a", name: "A" },
    });
    expectError(response, 404, "not_found");
  });

  it("answers 401 without a token or with an invalid one", async () => {
    const t = await createTestTenant();
    const before = await segmentsSnapshot(t);
    expectError(await createSegmentRequest(t, { key: "a", name: "A" }, null), 401, "unauthorized");
    expectError(
      await createSegmentRequest(t, { key: "a", name: "A" }, "api-not-a-real-token"),
      401,
      "unauthorized",
    );
    await expectNothingWritten(t, before);
  });

  it("answers 403 for a reader, 404 for a token limited to other keys (it may not see the environment), and writes nothing", async () => {
    const t = await createTestTenant();
    const reader = (await createTestToken({ role: "reader" })).value;
    const amplitudeOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["createSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const before = await segmentsSnapshot(t);
    expectError(await createSegmentRequest(t, { key: "a", name: "A" }, reader), 403, "forbidden");
    expectError(
      await createSegmentRequest(t, { key: "hightouch-y", name: "H" }, amplitudeOnly),
      404,
      "not_found",
    );
    await expectNothingWritten(t, before);
    expect((await createSegmentRequest(t, { key: "amplitude-x", name: "A" }, amplitudeOnly)).status).toBe(
      201,
    );
  });

  it("checks createSegment against the new segment's tags", async () => {
    const t = await createTestTenant();
    const taggedOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["createSegment"], resources: ["proj/*:env/*:segment/*;sandbox"] },
    ]);
    expectError(await createSegmentRequest(t, { key: "a", name: "A" }, taggedOnly), 404, "not_found");
    expect(
      (await createSegmentRequest(t, { key: "a", name: "A", tags: ["sandbox"] }, taggedOnly)).status,
    ).toBe(201);
  });
});
