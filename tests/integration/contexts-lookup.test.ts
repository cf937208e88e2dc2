import { describe, expect, it } from "vitest";
import * as contextRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]/route";
import * as evaluateRoute from "@/app/api/v2/projects/[projectKey]/environments/[environmentKey]/segments/evaluate/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

type LookupParams = { projectKey: string; environmentKey: string; segmentKey: string; contextKey: string };

function lookup(params: LookupParams, token: string | null) {
  return callRoute(contextRoute.GET, {
    path: `/api/v2/segments/${params.projectKey}/${params.environmentKey}/${params.segmentKey}/contexts/${encodeURIComponent(params.contextKey)}`,
    params,
    token,
  });
}

describe("GET /api/v2/segments/{p}/{e}/{s}/contexts/{contextKey}", () => {
  it("answers included with when and by which sync, excluded, and neither", async () => {
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, {
      members: ["member", "both", "user/with space"],
      excluded: ["blocked", "both"],
    });
    const { value } = await createTestToken({ role: "reader" });
    const params = { projectKey: project.key, environmentKey: "production", segmentKey: segment.key };
    const run = await prisma.syncRun.findFirstOrThrow({ where: { environmentId: production.id } });
    const row = await prisma.segmentMember.findUniqueOrThrow({
      where: { segmentId_contextKey: { segmentId: segment.id, contextKey: "member" } },
    });

    const member = await lookup({ ...params, contextKey: "member" }, value);
    expect(member.status).toBe(200);
    expect(member.json).toEqual({
      userKey: "member",
      included: true,
      excluded: false,
      addedAt: row.addedAt.getTime(),
      syncRunId: run.id,
    });
    expect((await lookup({ ...params, contextKey: "user/with space" }, value)).json).toMatchObject({
      userKey: "user/with space",
      included: true,
    });
    expect((await lookup({ ...params, contextKey: "blocked" }, value)).json).toEqual({
      userKey: "blocked",
      included: false,
      excluded: true,
    });
    expect((await lookup({ ...params, contextKey: "both" }, value)).json).toMatchObject({
      included: true,
      excluded: true,
    });
    const stranger = await lookup({ ...params, contextKey: "stranger" }, value);
    expect(stranger.status).toBe(200);
    expect(stranger.json).toEqual({ userKey: "stranger", included: false, excluded: false });
    // Keys are compared exactly: no case folding.
    expect((await lookup({ ...params, contextKey: "MEMBER" }, value)).json).toMatchObject({
      included: false,
    });
  });

  it("answers 404 for an unknown segment and without view access, 401 without a token", async () => {
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["a"] });
    const { value } = await createTestToken({ role: "reader" });
    const params = { projectKey: project.key, environmentKey: "production", segmentKey: segment.key };
    expectError(await lookup({ ...params, segmentKey: "nope", contextKey: "a" }, value), 404, "not_found");
    expectError(
      await lookup({ ...params, environmentKey: "test", contextKey: "a" }, value),
      404,
      "not_found",
    );
    expectError(await lookup({ ...params, contextKey: "a" }, null), 401, "unauthorized");
    const denied = await createTestToken({ role: "no_access" });
    expectError(await lookup({ ...params, contextKey: "a" }, denied.value), 404, "not_found");
  });
});

describe("POST /api/v2/projects/{p}/environments/{e}/segments/evaluate", () => {
  function evaluate(projectKey: string, environmentKey: string, token: string | null, body: unknown) {
    return callRoute(evaluateRoute.POST, {
      path: `/api/v2/projects/${projectKey}/environments/${environmentKey}/segments/evaluate`,
      params: { projectKey, environmentKey },
      token,
      body,
    });
  }

  it("lists every segment the context is included in and not excluded from", async () => {
    const { project, production, environments } = await createTestProject();
    const test = environments.find((environment) => environment.key === "test");
    if (!test) throw new Error("no test environment");
    const alpha = await createTestSegment(production, { key: "alpha", members: ["ctx", "other"] });
    await prisma.segment.update({
      where: { id: alpha.id },
      data: { description: "Alpha users", external: "amplitude" },
    });
    await createTestSegment(production, { key: "beta", members: ["ctx"], unbounded: false });
    await createTestSegment(production, { key: "gamma", members: ["ctx"], excluded: ["ctx"] });
    await createTestSegment(production, { key: "delta", members: ["other"] });
    await createTestSegment(production, { key: "devices", members: ["ctx"], kind: "device" });
    await createTestSegment(test, { key: "elsewhere", members: ["ctx"] });
    const { value } = await createTestToken({ role: "reader" });

    const response = await evaluate(project.key, "production", value, { key: "ctx" });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      items: [
        {
          key: "alpha",
          name: "alpha",
          description: "Alpha users",
          unbounded: true,
          external: "amplitude",
          isMember: true,
          isIndividuallyTargeted: true,
          isRuleTargeted: false,
          _links: {
            self: { href: `/api/v2/segments/${project.key}/production/alpha`, type: "application/json" },
          },
        },
        // LaunchDarkly's model requires both strings: empty, never null, when the segment has none.
        expect.objectContaining({ key: "beta", unbounded: false, description: "", external: "" }),
        expect.objectContaining({ key: "devices" }),
      ],
      _links: { self: { href: expect.stringContaining("/segments/evaluate"), type: "application/json" } },
    });
    const users = await evaluate(project.key, "production", value, { key: "ctx", kind: "user" });
    expect(users.json).toMatchObject({ items: [{ key: "alpha" }, { key: "beta" }] });
    const devices = await evaluate(project.key, "production", value, { key: "ctx", kind: "device" });
    expect(devices.json).toMatchObject({ items: [{ key: "devices" }] });
    expect((await evaluate(project.key, "production", value, { key: "nobody" })).json).toMatchObject({
      items: [],
    });
  });

  it("shows only segments the caller may view", async () => {
    const { project, production } = await createTestProject();
    await createTestSegment(production, { key: "open", members: ["ctx"] });
    await createTestSegment(production, { key: "secret", members: ["ctx"] });
    const { value } = await createTestToken({
      policy: [{ effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/open"] }],
    });
    expect((await evaluate(project.key, "production", value, { key: "ctx" })).json).toMatchObject({
      items: [{ key: "open" }],
    });
  });

  it("answers 400 for a bad context, 404 for an unknown environment, 401 without a token", async () => {
    const { project } = await createTestProject();
    const { value } = await createTestToken({ role: "reader" });
    expectError(await evaluate(project.key, "production", value, {}), 400, "invalid_request");
    expectError(await evaluate(project.key, "production", value, { key: "" }), 400, "invalid_request");
    expectError(
      await evaluate(project.key, "production", value, { key: "a", kind: "multi" }),
      400,
      "invalid_request",
    );
    expectError(await evaluate(project.key, "nope", value, { key: "a" }), 404, "not_found");
    expectError(await evaluate(project.key, "production", null, { key: "a" }), 401, "unauthorized");
  });
});
