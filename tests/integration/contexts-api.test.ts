import { describe, expect, it } from "vitest";
import * as contextsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";
import * as usersRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/users/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

async function setup(members: string[] = [], excluded: string[] = []) {
  const { project, production } = await createTestProject();
  const segment = await createTestSegment(production, { members, excluded });
  const params = { projectKey: project.key, environmentKey: "production", segmentKey: segment.key };
  return { project, production, segment, params };
}

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

function post(params: Params, token: string | null, body: unknown, route = contextsRoute.POST) {
  return callRoute(route, {
    path: `/api/v2/segments/${params.projectKey}/${params.environmentKey}/${params.segmentKey}/contexts`,
    params,
    token,
    body,
  });
}

async function state(segmentId: number) {
  const segment = await prisma.segment.findUniqueOrThrow({ where: { id: segmentId } });
  const included = await prisma.segmentMember.findMany({
    where: { segmentId },
    orderBy: { contextKey: "asc" },
  });
  const excluded = await prisma.segmentExclusion.findMany({
    where: { segmentId },
    orderBy: { contextKey: "asc" },
  });
  return {
    includedCount: segment.includedCount,
    excludedCount: segment.excludedCount,
    included: included.map((row) => row.contextKey),
    excluded: excluded.map((row) => row.contextKey),
  };
}

describe("POST /api/v2/segments/{p}/{e}/{s}/contexts", () => {
  it("adds and removes included and excluded keys with their counters and a sync run", async () => {
    const { production, segment, params } = await setup(["keep", "drop"], ["was-excluded"]);
    const { value, token } = await createTestToken({ role: "writer" });
    const response = await post(params, value, {
      included: { add: ["new-1", "new-2", "keep"], remove: ["drop", "never-there"] },
      excluded: { add: ["blocked"], remove: ["was-excluded"] },
    });
    expect(response.status).toBe(204);
    expect(response.json).toBeNull();
    expect(await state(segment.id)).toEqual({
      includedCount: 3,
      excludedCount: 1,
      included: ["keep", "new-1", "new-2"],
      excluded: ["blocked"],
    });
    const run = await prisma.syncRun.findFirstOrThrow({
      where: { environmentId: production.id, source: "contexts" },
      include: { segments: true },
    });
    expect(run).toMatchObject({
      status: "succeeded",
      tokenId: token.id,
      segmentKeys: [segment.key],
      received: 7,
      added: 3,
      removed: 2,
      unchanged: 2,
      skipped: 0,
      includedCountAfter: 3,
    });
    expect(run.segments).toEqual([expect.objectContaining({ segmentId: segment.id, includedCountAfter: 3 })]);
    const added = await prisma.segmentMember.findUniqueOrThrow({
      where: { segmentId_contextKey: { segmentId: segment.id, contextKey: "new-1" } },
    });
    expect(added.syncRunId).toBe(run.id);
    expect(
      await prisma.auditEntry.count({
        where: { kind: "sync", target: { endsWith: `segment/${segment.key}` } },
      }),
    ).toBe(2);
  });

  it("accepts every part as optional and treats a key both added and removed as removed", async () => {
    const { segment, params } = await setup(["a"]);
    const { value } = await createTestToken({ role: "writer" });
    expect((await post(params, value, {})).status).toBe(204);
    expect((await post(params, value, { included: { add: ["a", "b"], remove: ["a"] } })).status).toBe(204);
    expect(await state(segment.id)).toMatchObject({ included: ["b"], includedCount: 1 });
  });

  it("works the same on the /users path", async () => {
    const { segment, params } = await setup();
    const { value } = await createTestToken({ role: "writer" });
    const response = await post(params, value, { included: { add: ["u"] } }, usersRoute.POST);
    expect(response.status).toBe(204);
    expect(await state(segment.id)).toMatchObject({ included: ["u"] });
  });

  it.each([
    ["an empty key", { included: { add: ["ok", ""] } }],
    ["a key with a control character", { included: { add: ["ok", "a\u0000b"] } }],
    ["a key longer than 512 code points", { included: { remove: ["x".repeat(513)] } }],
    ["a key that is not a string", { excluded: { add: [42] } }],
    ["a list that is not an array", { included: { add: "ok" } }],
    ["a body that is not an object", ["ok"]],
  ])("answers 400 for %s and writes nothing", async (_label, body) => {
    const { production, segment, params } = await setup(["existing"]);
    const { value } = await createTestToken({ role: "writer" });
    const before = await state(segment.id);
    expectError(await post(params, value, body), 400, "invalid_request");
    expect(await state(segment.id)).toEqual(before);
    expect(await prisma.syncRun.count({ where: { environmentId: production.id, source: "contexts" } })).toBe(
      0,
    );
  });

  it("accepts a key of exactly 512 code points", async () => {
    const { segment, params } = await setup();
    const { value } = await createTestToken({ role: "writer" });
    const key = "😀".repeat(512);
    expect((await post(params, value, { included: { add: [key] } })).status).toBe(204);
    expect(await state(segment.id)).toMatchObject({ included: [key] });
  });

  it("answers 401 without a token and with an unknown one", async () => {
    const { params } = await setup();
    expectError(await post(params, null, { included: { add: ["a"] } }), 401, "unauthorized");
    expectError(await post(params, "api-unknown", { included: { add: ["a"] } }), 401, "unauthorized");
  });

  it("answers 403 to a reader, and to updateIncluded alone for excluded keys, writing only a failed run", async () => {
    const { production, segment, params } = await setup(["a"]);
    const before = await state(segment.id);
    const reader = await createTestToken({ role: "reader" });
    expectError(await post(params, reader.value, { included: { add: ["b"] } }), 403, "forbidden");

    const included = await createTestToken({
      policy: [{ effect: "allow", actions: ["updateIncluded"], resources: ["proj/*:env/*:segment/*"] }],
    });
    expectError(
      await post(params, included.value, { included: { add: ["b"] }, excluded: { add: ["c"] } }),
      403,
      "forbidden",
    );
    expect(await state(segment.id)).toEqual(before);
    const failed = await prisma.syncRun.findMany({
      where: { environmentId: production.id, status: "failed" },
    });
    expect(failed.map((run) => run.errorCode)).toEqual(["forbidden", "forbidden"]);

    expect((await post(params, included.value, { included: { add: ["b"] } })).status).toBe(204);
  });

  it("answers 404 for an unknown segment, environment or project", async () => {
    const { params } = await setup();
    const { value } = await createTestToken({ role: "writer" });
    const body = { included: { add: ["a"] } };
    expectError(await post({ ...params, segmentKey: "nope" }, value, body), 404, "not_found");
    expectError(await post({ ...params, environmentKey: "nope" }, value, body), 404, "not_found");
    expectError(await post({ ...params, projectKey: "nope" }, value, body), 404, "not_found");
  });
});
