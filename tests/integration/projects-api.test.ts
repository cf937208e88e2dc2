import { describe, expect, it } from "vitest";
import * as projectsRoute from "@/app/api/v2/projects/route";
import * as projectRoute from "@/app/api/v2/projects/[projectKey]/route";
import * as environmentsRoute from "@/app/api/v2/projects/[projectKey]/environments/route";
import * as environmentRoute from "@/app/api/v2/projects/[projectKey]/environments/[environmentKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

describe("POST /api/v2/projects", () => {
  it("creates a project with production and test environments and audits it", async () => {
    const { value } = await createTestToken({ role: "writer" });
    const key = unique("proj");
    const response = await callRoute(projectsRoute.POST, {
      path: "/api/v2/projects",
      token: value,
      body: { key, name: "Web" },
    });
    expect(response.status).toBe(201);
    // LaunchDarkly's ProjectRep: the environments as an array (GET answers them as a collection).
    expect(response.json).toMatchObject({
      key,
      name: "Web",
      environments: [{ key: "production" }, { key: "test" }],
    });
    const environments = await prisma.environment.findMany({ where: { project: { key } } });
    expect(environments.map((environment) => environment.key).sort()).toEqual(["production", "test"]);
    for (const environment of environments) expect(environment.clientSideId).toMatch(/^[0-9a-f]{24}$/);
    const audit = await prisma.auditEntry.findMany({ where: { target: { startsWith: `proj/${key}` } } });
    expect(audit.map((entry) => entry.kind).sort()).toEqual(["environment", "environment", "project"]);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(response.headers.get("x-ratelimit-route-remaining")).toMatch(/^\d+$/);
    expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() - 1000);
  });

  it("accepts the token with a Bearer prefix too", async () => {
    const { value } = await createTestToken({ role: "writer" });
    const response = await callRoute(projectsRoute.POST, {
      path: "/api/v2/projects",
      token: `Bearer ${value}`,
      body: { key: unique("proj"), name: "Bearer" },
    });
    expect(response.status).toBe(201);
  });

  it.each([
    ["missing name", { key: "abc" }],
    ["bad key characters", { key: "has space", name: "x" }],
    ["empty key", { key: "", name: "x" }],
    ["reserved key", { key: "settings", name: "x" }],
    ["not an object", [1, 2]],
    [
      "duplicate environment keys",
      {
        key: "dup-envs",
        name: "x",
        environments: [
          { key: "a", name: "A" },
          { key: "a", name: "B" },
        ],
      },
    ],
  ])("rejects %s with 400 and writes nothing", async (_case, body) => {
    const { value } = await createTestToken({ role: "writer" });
    const before = await prisma.project.count();
    const response = await callRoute(projectsRoute.POST, { path: "/api/v2/projects", token: value, body });
    expectError(response, 400, "invalid_request");
    expect(await prisma.project.count()).toBe(before);
  });

  it("rejects a body that is not JSON with 400", async () => {
    const { value } = await createTestToken({ role: "writer" });
    const response = await callRoute(projectsRoute.POST, {
      path: "/api/v2/projects",
      token: value,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectError(response, 400, "invalid_request");
  });

  it("rejects a non-JSON content type with 415", async () => {
    const { value } = await createTestToken({ role: "writer" });
    const response = await callRoute(projectsRoute.POST, {
      path: "/api/v2/projects",
      token: value,
      rawBody: "key=a",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectError(response, 415, "unsupported_media_type");
  });

  it("answers 409 for a duplicate key", async () => {
    const { value } = await createTestToken({ role: "writer" });
    const { project } = await createTestProject();
    const response = await callRoute(projectsRoute.POST, {
      path: "/api/v2/projects",
      token: value,
      body: { key: project.key, name: "again" },
    });
    expectError(response, 409, "conflict");
  });

  it("answers 401 without a token and with an unknown one", async () => {
    const body = { key: unique("proj"), name: "x" };
    expectError(await callRoute(projectsRoute.POST, { path: "/api/v2/projects", body }), 401, "unauthorized");
    expectError(
      await callRoute(projectsRoute.POST, { path: "/api/v2/projects", body, token: "api-unknown" }),
      401,
      "unauthorized",
    );
  });

  it("answers 401 for an expired token", async () => {
    const { value } = await createTestToken({ role: "writer", expiresAt: new Date(Date.now() - 1000) });
    const response = await callRoute(projectsRoute.GET, { path: "/api/v2/projects", token: value });
    expectError(response, 401, "unauthorized");
  });

  it("answers 403 for a reader and writes nothing", async () => {
    const { value } = await createTestToken({ role: "reader" });
    const key = unique("proj");
    const response = await callRoute(projectsRoute.POST, {
      path: "/api/v2/projects",
      token: value,
      body: { key, name: "x" },
    });
    expectError(response, 403, "forbidden");
    expect(await prisma.project.findUnique({ where: { key } })).toBeNull();
  });
});

describe("GET /api/v2/projects and /api/v2/projects/{projectKey}", () => {
  it("lists projects in the collection shape and gets one", async () => {
    const { value } = await createTestToken({ role: "reader" });
    const { project } = await createTestProject();
    const list = await callRoute(projectsRoute.GET, { path: "/api/v2/projects?limit=100", token: value });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({
      items: expect.any(Array),
      totalCount: expect.any(Number),
      _links: { self: expect.any(Object) },
    });
    const one = await callRoute(projectRoute.GET, {
      path: `/api/v2/projects/${project.key}`,
      params: { projectKey: project.key },
      token: value,
    });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ key: project.key, environments: { totalCount: 2 } });
  });

  it("rejects a bad limit with 400", async () => {
    const { value } = await createTestToken({ role: "reader" });
    expectError(
      await callRoute(projectsRoute.GET, { path: "/api/v2/projects?limit=0", token: value }),
      400,
      "invalid_request",
    );
  });

  it("answers 404 for an unknown project, and the same 404 for no_access", async () => {
    const { value } = await createTestToken({ role: "reader" });
    expectError(
      await callRoute(projectRoute.GET, {
        path: "/api/v2/projects/nope",
        params: { projectKey: "nope" },
        token: value,
      }),
      404,
      "not_found",
    );
    const { project } = await createTestProject();
    const denied = await createTestToken({ role: "no_access" });
    expectError(
      await callRoute(projectRoute.GET, {
        path: `/api/v2/projects/${project.key}`,
        params: { projectKey: project.key },
        token: denied.value,
      }),
      404,
      "not_found",
    );
  });
});

describe("environments", () => {
  it("creates, lists and gets an environment with a client-side ID", async () => {
    const { value } = await createTestToken({ role: "writer" });
    const { project } = await createTestProject();
    const params = { projectKey: project.key };
    const created = await callRoute(environmentsRoute.POST, {
      path: `/api/v2/projects/${project.key}/environments`,
      params,
      token: value,
      body: { key: "staging", name: "Staging" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      key: "staging",
      name: "Staging",
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    const list = await callRoute(environmentsRoute.GET, {
      path: `/api/v2/projects/${project.key}/environments`,
      params,
      token: value,
    });
    expect(list.json).toMatchObject({ totalCount: 3 });
    const one = await callRoute(environmentRoute.GET, {
      path: `/api/v2/projects/${project.key}/environments/staging`,
      params: { ...params, environmentKey: "staging" },
      token: value,
    });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ key: "staging" });
  });

  it("answers 409 for a duplicate environment key, 400 for a bad one, 404 for an unknown project", async () => {
    const { value } = await createTestToken({ role: "writer" });
    const { project } = await createTestProject();
    const path = `/api/v2/projects/${project.key}/environments`;
    const params = { projectKey: project.key };
    expectError(
      await callRoute(environmentsRoute.POST, {
        path,
        params,
        token: value,
        body: { key: "production", name: "P" },
      }),
      409,
      "conflict",
    );
    expectError(
      await callRoute(environmentsRoute.POST, {
        path,
        params,
        token: value,
        body: { key: "a b", name: "P" },
      }),
      400,
      "invalid_request",
    );
    expectError(
      await callRoute(environmentsRoute.POST, {
        path: "/api/v2/projects/nope/environments",
        params: { projectKey: "nope" },
        token: value,
        body: { key: "x", name: "X" },
      }),
      404,
      "not_found",
    );
    expect(await prisma.environment.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("answers 401 without a token and 403 for a reader", async () => {
    const { project } = await createTestProject();
    const path = `/api/v2/projects/${project.key}/environments`;
    const params = { projectKey: project.key };
    expectError(await callRoute(environmentsRoute.GET, { path, params }), 401, "unauthorized");
    const reader = await createTestToken({ role: "reader" });
    expectError(
      await callRoute(environmentsRoute.POST, {
        path,
        params,
        token: reader.value,
        body: { key: "x", name: "X" },
      }),
      403,
      "forbidden",
    );
  });
});
