import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { amplitude, census, latestRun, push, snapshot } from "@/tests/support/partner-pushes";

describe("partner pushes: refused requests write nothing", () => {
  it("answers 400 for a context kind that differs from the segment's, and records a failed run", async () => {
    const { production, token } = await createTestTenant();
    await push("census-synced-segments", token, census(production.clientSideId, "account", ["a"]));
    const before = await snapshot(production.id);

    const response = await push(
      "census-synced-segments",
      token,
      census(production.clientSideId, "user", ["b"]),
    );
    expectError(response, 400, "invalid_request");
    expect(response.json).toMatchObject({ message: expect.stringContaining('"account"') });
    expect(await snapshot(production.id)).toEqual(before);

    const failed = await latestRun(production.id);
    expect(failed).toMatchObject({
      status: "failed",
      errorCode: "invalid_request",
      segmentKeys: ["census-synced-segments-model-1"],
      added: 0,
    });
    // A payload without a kind means "user": it does not match an "account" segment either.
    const withoutKind = await push("census-synced-segments", token, {
      environment_id: production.clientSideId,
      batch: [{ user_id: "c", cohort_id: "model-1", value: true }],
    });
    expectError(withoutKind, 400, "invalid_request");
  });

  type BadRequest = { rawBody?: string; body?: (environmentId: string) => unknown };
  it.each<[string, BadRequest]>([
    ["a body that is not JSON", { rawBody: "{nope" }],
    ["a body without the environment id", { body: () => ({ batch: [] }) }],
    [
      "a batch without any cohort id",
      { body: (environmentId) => ({ environmentId, batch: [{ userId: "a", value: true }] }) },
    ],
  ])("answers 400 for %s", async (_label, request) => {
    const { production, token } = await createTestTenant();
    const response = await callRoute(segmentTargetsRoute.POST, {
      path: "/api/v2/segment-targets/amplitude",
      params: { integrationKey: "amplitude" },
      token,
      rawBody: request.rawBody,
      body: request.body?.(production.clientSideId),
      headers: { "content-type": "application/json" },
    });
    expectError(response, 400, "invalid_request");
    expect(await prisma.segment.count({ where: { environmentId: production.id } })).toBe(0);
    expect(await prisma.syncRun.count({ where: { environmentId: production.id } })).toBe(0);
  });

  it("answers 400 for more than 100,000 members", async () => {
    const { production, token } = await createTestTenant();
    const ids = Array.from({ length: 100_001 }, (_, index) => ({ id: `u${index}` }));
    const response = await push("rudderstack", token, {
      environmentId: production.clientSideId,
      cohortId: "big",
      listData: { add: ids },
    });
    expectError(response, 400, "invalid_request");
    expect(await prisma.segment.count({ where: { environmentId: production.id } })).toBe(0);
  });

  it("answers 404 for an unknown environment and an unknown integration", async () => {
    const { token } = await createTestTenant();
    for (const environmentId of ["0123456789abcdef01234567", "not-a-client-side-id"]) {
      expectError(
        await push("amplitude", token, amplitude(environmentId, [{ userId: "a", value: true }])),
        404,
        "not_found",
      );
    }
    expectError(await push("optimizely", token, { environmentId: "x" }), 404, "not_found");
    expectError(await push("__proto__", token, { environmentId: "x" }), 404, "not_found");
  });

  it("answers Heap's errors in Heap's failure body", async () => {
    const { token } = await createTestTenant();
    const body = {
      parameters: { environment_id: "0123456789abcdef01234567" },
      heap: { data: { segment: { id: 1, name: "x" }, add: [{ id: "a" }] } },
    };
    const unknown = await push("heap-inbound", token, body);
    expect(unknown.status).toBe(404);
    // LaunchDarkly's template: the code is the HTTP status.
    expect(unknown.json).toEqual({
      status: "failure",
      error: { message: expect.stringContaining("Unknown environment"), code: 404 },
    });
    const unauthenticated = await callRoute(segmentTargetsRoute.POST, {
      path: "/api/v2/segment-targets/heap-inbound",
      params: { integrationKey: "heap-inbound" },
      body,
    });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.json).toEqual({
      status: "failure",
      error: { message: expect.any(String), code: 401 },
    });
  });

  it("puts the ids it had found into Heap's failure body", async () => {
    const { project, production, token } = await createTestTenant();
    const heap = (cohortId: number) => ({
      parameters: { environment_id: production.clientSideId },
      heap: { data: { segment: { id: cohortId, name: "Cohort" }, add: [{ id: "a" }] } },
    });
    expect((await push("heap-inbound", token, heap(7))).status).toBe(200);
    const createOnly = await createTestToken({
      role: null,
      policy: [{ effect: "allow", actions: ["createSegment"], resources: ["proj/*:env/*:segment/*"] }],
    });

    // The segment exists and the token may not change it: every id is known.
    const refused = await push("heap-inbound", createOnly.value, heap(7));
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({
      projectId: project.key,
      environmentId: "production",
      segmentId: "heap-inbound-7",
      segmentUrl: expect.stringMatching(new RegExp(`/${project.key}/production/segments/heap-inbound-7$`)),
      status: "failure",
      error: { message: expect.any(String), code: 403 },
    });

    // A new cohort whose segment the token may create but not fill: none is left to name, only the environment.
    const notCreated = await push("heap-inbound", createOnly.value, heap(8));
    expect(notCreated.status).toBe(403);
    expect(notCreated.json).toEqual({
      projectId: project.key,
      environmentId: "production",
      status: "failure",
      error: { message: expect.any(String), code: 403 },
    });
  });
});
