import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

type Member = { userId?: unknown; value: boolean; cohortId?: string; cohortName?: string };

function push(integrationKey: string, token: string, body: unknown) {
  return callRoute(segmentTargetsRoute.POST, {
    path: `/api/v2/segment-targets/${integrationKey}`,
    params: { integrationKey },
    token,
    body,
  });
}

/** An Amplitude body (mode A): one cohort unless a member names its own. */
function amplitude(environmentId: string, members: Member[], cohort: Record<string, unknown> = {}) {
  return {
    environmentId,
    batch: members.map((member) => ({
      cohortId: "c1",
      cohortName: "Cohort one",
      ...cohort,
      ...member,
    })),
  };
}

function census(environmentId: string, kind: string, ids: string[]) {
  return {
    environment_id: environmentId,
    context_kind: kind,
    batch: ids.map((id) => ({ user_id: id, cohort_id: "model-1", cohort_name: "Model", value: true })),
  };
}

async function setup() {
  const { project, production, environments } = await createTestProject();
  const { value } = await createTestToken({ role: "writer" });
  return { project, production, environments, token: value };
}

async function segmentOf(environmentId: string, key: string) {
  return prisma.segment.findUniqueOrThrow({ where: { environmentId_key: { environmentId, key } } });
}

async function memberKeys(segmentId: number): Promise<string[]> {
  const rows = await prisma.segmentMember.findMany({ where: { segmentId }, orderBy: { contextKey: "asc" } });
  return rows.map((row) => row.contextKey);
}

async function latestRun(environmentId: string) {
  return prisma.syncRun.findFirstOrThrow({
    where: { environmentId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
  });
}

/** Everything a push may write, to compare before and after a refused or repeated push. */
async function snapshot(environmentId: string) {
  const segments = await prisma.segment.findMany({ where: { environmentId }, orderBy: { id: "asc" } });
  const members = await prisma.segmentMember.findMany({
    where: { segmentId: { in: segments.map((segment) => segment.id) } },
    orderBy: [{ segmentId: "asc" }, { contextKey: "asc" }],
  });
  return { segments, members };
}

const sha8 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);

describe("partner pushes: membership semantics", () => {
  it("applies per-member cohorts to two segments in one run with one audit entry", async () => {
    const { project, production, token } = await setup();
    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: true },
        { userId: "b", value: true, cohortId: "c2", cohortName: "Cohort two" },
        { userId: "c", value: true, cohortId: "c2", cohortName: "Cohort two" },
      ]),
    );
    expect(response.status).toBe(204);
    const one = await segmentOf(production.id, "amplitude-c1");
    const two = await segmentOf(production.id, "amplitude-c2");
    expect(one.name).toBe("Cohort one");
    expect(two.name).toBe("Cohort two");
    expect(await memberKeys(one.id)).toEqual(["a"]);
    expect(await memberKeys(two.id)).toEqual(["b", "c"]);
    const runs = await prisma.syncRun.findMany({
      where: { environmentId: production.id },
      include: { segments: true },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]?.segmentKeys).toEqual(["amplitude-c1", "amplitude-c2"]);
    expect(runs[0]).toMatchObject({ received: 3, added: 3, includedCountAfter: 3 });
    expect(runs[0]?.segments.map((row) => [row.segmentId, row.added]).sort()).toEqual(
      [
        [one.id, 1],
        [two.id, 2],
      ].sort(),
    );
    const audit = await prisma.auditEntry.findMany({
      where: { kind: "sync", target: { startsWith: `proj/${project.key}:` } },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target).toBe(`proj/${project.key}:env/production`);
  });

  it("applies a mode A request's items in order (the last per key decides), and mode B's adds before its removes", async () => {
    const { production, token } = await setup();
    await push("amplitude", token, amplitude(production.clientSideId, [{ userId: "k", value: true }]));
    const segment = await segmentOf(production.id, "amplitude-c1");
    expect(await memberKeys(segment.id)).toEqual(["k"]);

    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "k", value: true },
        { userId: "k", value: false },
        { userId: "n", value: false },
        { userId: "n", value: true },
      ]),
    );
    expect(response.status).toBe(204);
    // k leaves (it was a member: removed); n leaves and rejoins (it was not: added). Counts are the net effect.
    expect(await memberKeys(segment.id)).toEqual(["n"]);
    expect((await segmentOf(production.id, "amplitude-c1")).includedCount).toBe(1);
    expect(await latestRun(production.id)).toMatchObject({ received: 4, added: 1, removed: 1, unchanged: 0 });

    // A member who leaves and rejoins stays a member, unchanged.
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "n", value: false },
        { userId: "n", value: true },
      ]),
    );
    expect(await memberKeys(segment.id)).toEqual(["n"]);
    expect(await latestRun(production.id)).toMatchObject({ received: 2, added: 0, removed: 0, unchanged: 1 });

    await push("rudderstack", token, {
      environmentId: production.clientSideId,
      cohortId: "r1",
      listData: { add: [{ id: "x" }, { id: "y" }], remove: [{ id: "x" }] },
    });
    expect(await memberKeys((await segmentOf(production.id, "rudderstack-r1")).id)).toEqual(["y"]);
  });

  it("counts a key added twice once", async () => {
    const { production, token } = await setup();
    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: true },
        { userId: "a", value: true },
        { userId: "b", value: true },
      ]),
    );
    expect(response.status).toBe(204);
    const segment = await segmentOf(production.id, "amplitude-c1");
    expect(await memberKeys(segment.id)).toEqual(["a", "b"]);
    expect(segment.includedCount).toBe(2);
    expect(await latestRun(production.id)).toMatchObject({ received: 3, added: 2, unchanged: 0 });
  });

  it("uses a numeric member id as its decimal string", async () => {
    const { production, token } = await setup();
    await push("amplitude", token, amplitude(production.clientSideId, [{ userId: 12345, value: true }]));
    expect(await memberKeys((await segmentOf(production.id, "amplitude-c1")).id)).toEqual(["12345"]);
  });

  it("skips and records members without a usable id, applies the rest, and still answers 204", async () => {
    const { production, token } = await setup();
    const tooLong = "x".repeat(513);
    const longest = "😀".repeat(512);
    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { value: true },
        { userId: "", value: true },
        { userId: tooLong, value: true },
        { userId: "bad\u0001key", value: true },
        { userId: { id: 1 }, value: true },
        { userId: longest, value: true },
        { userId: "ok", value: true },
      ]),
    );
    expect(response.status).toBe(204);
    const segment = await segmentOf(production.id, "amplitude-c1");
    expect(await memberKeys(segment.id)).toEqual(["ok", longest]);
    expect(segment.lastSyncStatus).toBe("partially_applied");
    const run = await latestRun(production.id);
    expect(run).toMatchObject({
      status: "partially_applied",
      received: 7,
      added: 2,
      skipped: 5,
      skippedTruncated: false,
    });
    expect(run.skippedMembers).toEqual([
      { id: "", reason: "missing id" },
      { id: "", reason: "empty" },
      { id: "x".repeat(64), reason: "longer than 512 characters" },
      { id: "bad\u0001key", reason: "contains control characters" },
      { id: '{"id":1}', reason: "not a string" },
    ]);
  });

  it("lists at most 100 skipped members and says so", async () => {
    const { production, token } = await setup();
    const members: Member[] = Array.from({ length: 150 }, () => ({ userId: "", value: true }));
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [...members, { userId: "a", value: true }]),
    );
    const run = await latestRun(production.id);
    expect(run.skipped).toBe(150);
    expect(run.skippedTruncated).toBe(true);
    expect(run.skippedMembers).toHaveLength(100);
  });

  it("changes nothing when the same request is sent again", async () => {
    const { production, token } = await setup();
    const body = amplitude(
      production.clientSideId,
      [
        { userId: "a", value: true },
        { userId: "b", value: true },
        { userId: "c", value: false },
      ],
      { cohortUrl: "https://analytics.example.com/c1", cohortDescription: "First" },
    );
    expect((await push("amplitude", token, body)).status).toBe(204);
    const before = await snapshot(production.id);
    expect((await push("amplitude", token, body)).status).toBe(204);
    const after = await snapshot(production.id);

    const [segmentBefore] = before.segments;
    const [segmentAfter] = after.segments;
    expect(segmentAfter).toMatchObject({
      version: segmentBefore?.version,
      name: segmentBefore?.name,
      description: "First",
      externalLink: "https://analytics.example.com/c1",
      includedCount: 2,
      updatedAt: segmentBefore?.updatedAt,
      membershipLastModified: segmentBefore?.membershipLastModified,
    });
    expect(after.members).toEqual(before.members);
    expect(await latestRun(production.id)).toMatchObject({
      status: "succeeded",
      received: 3,
      added: 0,
      removed: 0,
      unchanged: 3,
      includedCountAfter: 2,
    });
  });
});

describe("partner pushes: persistent store outbox", () => {
  it("queues exactly the changed keys when the environment has an enabled store, and nothing otherwise", async () => {
    const { production, token, environments } = await setup();
    const outbox = (environmentId: string) =>
      prisma.membershipOutbox.findMany({ where: { environmentId }, orderBy: { id: "asc" } });
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [{ userId: "before-store", value: true }]),
    );
    expect(await outbox(production.id)).toEqual([]);

    await prisma.storeIntegration.create({
      data: { environmentId: production.id, integrationKey: "redis", name: "Redis", config: {} },
    });
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: true },
        { userId: "b", value: true },
        { userId: "before-store", value: true },
      ]),
    );
    await push("amplitude", token, amplitude(production.clientSideId, [{ userId: "a", value: true }]));
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: false },
        { userId: "c", value: true },
      ]),
    );
    const segment = await segmentOf(production.id, "amplitude-c1");
    const rows = await outbox(production.id);
    expect(rows.map((row) => [row.segmentId, row.segmentRef, [...row.contextKeys].sort()])).toEqual([
      [segment.id, "amplitude-c1.g1", ["a", "b"]],
      [segment.id, "amplitude-c1.g1", ["a", "c"]],
    ]);
    const test = environments.find((environment) => environment.key === "test");
    if (!test) throw new Error("no test environment");
    await push("amplitude", token, amplitude(test.clientSideId, [{ userId: "a", value: true }]));
    expect(await outbox(test.id)).toEqual([]);
  });
});

describe("partner pushes: segment settings", () => {
  it("renames the segment when the cohort is renamed, bumping version once", async () => {
    const { production, token } = await setup();
    const member = [{ userId: "a", value: true }];
    await push("amplitude", token, amplitude(production.clientSideId, member, { cohortName: "Old" }));
    expect(await segmentOf(production.id, "amplitude-c1")).toMatchObject({ name: "Old", version: 1 });

    await push("amplitude", token, amplitude(production.clientSideId, member, { cohortName: "New" }));
    const renamed = await segmentOf(production.id, "amplitude-c1");
    expect(renamed).toMatchObject({ name: "New", version: 2 });

    await push("amplitude", token, amplitude(production.clientSideId, member, { cohortName: "New" }));
    expect(await segmentOf(production.id, "amplitude-c1")).toMatchObject({ name: "New", version: 2 });
    const audit = await prisma.auditEntry.findMany({ where: { kind: "sync", name: "New" } });
    expect(audit.some((entry) => entry.description.includes('from "Old" to "New"'))).toBe(true);
  });

  it("keeps a name edited by hand", async () => {
    const { production, token } = await setup();
    const member = [{ userId: "a", value: true }];
    await push("amplitude", token, amplitude(production.clientSideId, member, { cohortName: "Tool name" }));
    await prisma.segment.update({
      where: { environmentId_key: { environmentId: production.id, key: "amplitude-c1" } },
      data: { name: "Our name", nameEditedByHand: true, version: { increment: 1 } },
    });
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, member, { cohortName: "Renamed in tool" }),
    );
    expect(await segmentOf(production.id, "amplitude-c1")).toMatchObject({ name: "Our name", version: 2 });
  });

  it("sets the description only at creation, follows the cohort URL without a version bump", async () => {
    const { production, token } = await setup();
    const member = [{ userId: "a", value: true }];
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, member, {
        cohortDescription: "From the tool",
        cohortUrl: "https://analytics.example.com/old",
      }),
    );
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, member, {
        cohortDescription: "Changed in the tool",
        cohortUrl: "https://analytics.example.com/new",
      }),
    );
    expect(await segmentOf(production.id, "amplitude-c1")).toMatchObject({
      description: "From the tool",
      externalLink: "https://analytics.example.com/new",
      version: 1,
    });
  });

  it("names the segment after the cohort id when no name is sent", async () => {
    const { production, token } = await setup();
    await push("hightouch", token, {
      environmentId: production.clientSideId,
      cohortId: "ht-9",
      action: "add",
      members: [{ integration_distinct_id: "m" }],
    });
    expect(await segmentOf(production.id, "hightouch-ht-9")).toMatchObject({
      name: "ht-9",
      description: null,
    });
  });

  it("appends a hash when the derived key is taken, and uses the next generation of a key", async () => {
    const { production, token } = await setup();
    await createTestSegment(production, { key: "amplitude-c1" });
    await prisma.segmentGeneration.create({
      data: { environmentId: production.id, key: "amplitude-c2", generation: 3 },
    });
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: true },
        { userId: "b", value: true, cohortId: "c2" },
      ]),
    );
    const hashed = await segmentOf(production.id, `amplitude-c1-${sha8("c1")}`);
    expect(hashed).toMatchObject({ external: "amplitude", externalCohortId: "c1", generation: 1 });
    expect(await segmentOf(production.id, "amplitude-c2")).toMatchObject({ generation: 4 });
    const generation = await prisma.segmentGeneration.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: production.id, key: "amplitude-c2" } },
    });
    expect(generation.generation).toBe(4);
  });

  it("creates segments of the payload's context kind", async () => {
    const { production, token } = await setup();
    expect(
      (await push("census-synced-segments", token, census(production.clientSideId, "account", ["a"]))).status,
    ).toBe(204);
    expect(await segmentOf(production.id, "census-synced-segments-model-1")).toMatchObject({
      unboundedContextKind: "account",
    });
  });
});

describe("partner pushes: refused requests write nothing", () => {
  it("answers 400 for a context kind that differs from the segment's, and records a failed run", async () => {
    const { production, token } = await setup();
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
    const { production, token } = await setup();
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
    const { production, token } = await setup();
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
    const { token } = await setup();
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
    const { token } = await setup();
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
    const { project, production, token } = await setup();
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
