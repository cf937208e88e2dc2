import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const ALL_SEGMENTS = "proj/*:env/*:segment/*";
const MINIMUM_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: [ALL_SEGMENTS] },
];

function hightouch(environmentId: string, cohortId: string, ids: string[]) {
  return buildPartnerPayload(INTEGRATIONS.hightouch, { environmentId, cohortId, cohortName: "Admins" }, ids);
}

function push(token: string | null, body: unknown) {
  return callRoute(segmentTargetsRoute.POST, {
    path: "/api/v2/segment-targets/hightouch",
    params: { integrationKey: "hightouch" },
    token,
    body,
  });
}

async function expectNothingWritten(environment: { id: string; projectId: string }, segmentKey: string) {
  expect(
    await prisma.segment.findFirst({ where: { environmentId: environment.id, key: segmentKey } }),
  ).toBeNull();
  const project = await prisma.project.findUniqueOrThrow({ where: { id: environment.projectId } });
  expect(
    await prisma.auditEntry.count({
      where: { kind: "sync", target: { startsWith: `proj/${project.key}:` } },
    }),
  ).toBe(0);
}

describe("POST /api/v2/segment-targets/{integrationKey}: authentication and policies", () => {
  it("answers 401 without a token and with an unknown one", async () => {
    const { production } = await createTestProject();
    const body = hightouch(production.clientSideId, "c", ["a"]);
    expectError(await push(null, body), 401, "unauthorized");
    expectError(await push("api-00000000000000000000000000000000", body), 401, "unauthorized");
    await expectNothingWritten(production, "hightouch-c");
  });

  it("succeeds with exactly createSegment + updateIncluded", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({ policy: MINIMUM_POLICY });
    const response = await push(value, hightouch(production.clientSideId, "c", ["a", "b"]));
    expect(response.status).toBe(204);
    const segment = await prisma.segment.findFirstOrThrow({
      where: { environmentId: production.id, key: "hightouch-c" },
    });
    expect(segment.includedCount).toBe(2);
  });

  it("refuses a reader with 403 and writes nothing but a failed sync run", async () => {
    const { production } = await createTestProject();
    const { value, token } = await createTestToken({ role: "reader" });
    const response = await push(value, hightouch(production.clientSideId, "c", ["a"]));
    expectError(response, 403, "forbidden");
    await expectNothingWritten(production, "hightouch-c");
    const runs = await prisma.syncRun.findMany({ where: { environmentId: production.id } });
    expect(runs).toEqual([
      expect.objectContaining({
        status: "failed",
        errorCode: "forbidden",
        tokenId: token.id,
        segmentKeys: ["hightouch-c"],
        received: 1,
        added: 0,
      }),
    ]);
  });

  it("needs createSegment to create: updateIncluded alone gets 403", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({
      policy: [{ effect: "allow", actions: ["updateIncluded"], resources: [ALL_SEGMENTS] }],
    });
    const response = await push(value, hightouch(production.clientSideId, "c", ["a"]));
    expectError(response, 403, "forbidden");
    expect(response.json).toMatchObject({ message: expect.stringContaining("createSegment") });
    await expectNothingWritten(production, "hightouch-c");
  });

  it("needs updateIncluded to push: createSegment alone gets 403", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({
      policy: [{ effect: "allow", actions: ["createSegment"], resources: [ALL_SEGMENTS] }],
    });
    expectError(await push(value, hightouch(production.clientSideId, "c", ["a"])), 403, "forbidden");
    await expectNothingWritten(production, "hightouch-c");
  });

  it("lets updateIncluded alone push to an existing segment, and refuses it on a segment it does not cover", async () => {
    const { production } = await createTestProject();
    const writer = await createTestToken({ role: "writer" });
    expect((await push(writer.value, hightouch(production.clientSideId, "c", ["a"]))).status).toBe(204);
    expect((await push(writer.value, hightouch(production.clientSideId, "other", ["a"]))).status).toBe(204);

    const { value } = await createTestToken({
      policy: [
        { effect: "allow", actions: ["updateIncluded"], resources: ["proj/*:env/*:segment/hightouch-c"] },
      ],
    });
    expect((await push(value, hightouch(production.clientSideId, "c", ["b"]))).status).toBe(204);
    const other = await prisma.segment.findFirstOrThrow({
      where: { environmentId: production.id, key: "hightouch-other" },
    });
    const refused = await push(value, hightouch(production.clientSideId, "other", ["b"]));
    expectError(refused, 403, "forbidden");
    expect(
      await prisma.segmentMember.findMany({ where: { segmentId: other.id }, select: { contextKey: true } }),
    ).toEqual([{ contextKey: "a" }]);
    const failed = await prisma.syncRun.findFirstOrThrow({
      where: { environmentId: production.id, status: "failed" },
      include: { segments: true },
    });
    expect(failed.segments).toEqual([
      expect.objectContaining({ segmentId: other.id, includedCountAfter: 1 }),
    ]);
  });

  it("refuses a whole multi-cohort request when one cohort is not allowed", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({
      policy: [
        { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: [ALL_SEGMENTS] },
        { effect: "deny", actions: ["*"], resources: ["proj/*:env/*:segment/amplitude-secret"] },
      ],
    });
    const response = await callRoute(segmentTargetsRoute.POST, {
      path: "/api/v2/segment-targets/amplitude",
      params: { integrationKey: "amplitude" },
      token: value,
      body: {
        environmentId: production.clientSideId,
        batch: [
          { userId: "a", cohortId: "open", value: true },
          { userId: "b", cohortId: "secret", value: true },
        ],
      },
    });
    expectError(response, 403, "forbidden");
    expect(await prisma.segment.count({ where: { environmentId: production.id } })).toBe(0);
  });

  it("checks the segment's tags", async () => {
    const { production } = await createTestProject();
    const segment = await createTestSegment(production, { key: "tagged", tags: ["vip"] });
    await prisma.segment.update({
      where: { id: segment.id },
      data: { external: "hightouch", externalCohortId: "t" },
    });
    const { value } = await createTestToken({
      policy: [{ effect: "allow", actions: ["updateIncluded"], resources: ["proj/*:env/*:segment/*;vip"] }],
    });
    expect((await push(value, hightouch(production.clientSideId, "t", ["a"]))).status).toBe(204);
    expect((await prisma.segment.findUniqueOrThrow({ where: { id: segment.id } })).includedCount).toBe(1);
  });
});
