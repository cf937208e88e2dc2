import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contextRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]/route";
import * as projectRoute from "@/app/api/v2/projects/[projectKey]/route";
import * as goalsRoute from "@/app/sdk/goals/[clientSideId]/route";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { discoverApiRoutes } from "@/tests/support/api-routes";
import { startTestApiServer, type TestApiServer } from "@/tests/support/api-server";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

/** Path values no key can hold: as sent (percent-encoded) and as the route would see them decoded. */
const BAD_VALUES = [
  { sent: "%00", decoded: "\0", why: "a NUL" },
  { sent: "a%00b", decoded: "a\0b", why: "a NUL inside" },
  // Not UTF-8 (a surrogate's bytes): decoding fails, so Next.js hands over the text as sent.
  { sent: "%ED%A0%80", decoded: "%ED%A0%80", why: "a surrogate's UTF-8 bytes" },
  { sent: "%FF", decoded: "%FF", why: "an invalid UTF-8 byte" },
  // However the route got it, an unpaired surrogate has no UTF-8 form.
  { sent: "x", decoded: "\uD800", why: "an unpaired high surrogate" },
  { sent: "x", decoded: "a\uDC00", why: "an unpaired low surrogate" },
];

describe("keys in the request path", () => {
  it.each(BAD_VALUES)(
    "answers GET .../contexts/{contextKey} holding $why with 400",
    async ({ sent, decoded }) => {
      const { project, production } = await createTestProject();
      const segment = await createTestSegment(production, { members: ["a"] });
      const { value } = await createTestToken({ role: "reader" });
      const base = `/api/v2/segments/${project.key}/production/${segment.key}/contexts`;
      const response = await callRoute(contextRoute.GET, {
        path: `${base}/${sent}`,
        params: {
          projectKey: project.key,
          environmentKey: "production",
          segmentKey: segment.key,
          contextKey: decoded,
        },
        token: value,
      });
      expectError(response, 400, "invalid_request");
    },
  );

  it("still finds a key that merely looks percent-encoded once it is encoded itself", async () => {
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["%ED%A0%80"] });
    const { value } = await createTestToken({ role: "reader" });
    const response = await callRoute(contextRoute.GET, {
      path: `/api/v2/segments/${project.key}/production/${segment.key}/contexts/${encodeURIComponent("%ED%A0%80")}`,
      params: {
        projectKey: project.key,
        environmentKey: "production",
        segmentKey: segment.key,
        contextKey: "%ED%A0%80",
      },
      token: value,
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ userKey: "%ED%A0%80", included: true });
  });

  it("answers GET /projects/{projectKey} with a NUL with 400, not a database error", async () => {
    const { value } = await createTestToken({ role: "admin" });
    const response = await callRoute(projectRoute.GET, {
      path: "/api/v2/projects/%00",
      params: { projectKey: "\0" },
      token: value,
    });
    expectError(response, 400, "invalid_request");
  });

  it.each(BAD_VALUES)(
    "answers GET /sdk/goals/{clientSideId} holding $why with 400",
    async ({ sent, decoded }) => {
      const response = await callRoute(goalsRoute.GET, {
        path: `/sdk/goals/${sent}`,
        params: { clientSideId: decoded },
      });
      expectError(response, 400, "invalid_request");
    },
  );

  it("answers 400 on every API route and method when any path parameter holds a NUL or is not UTF-8", async () => {
    const { value } = await createTestToken({ role: "admin" });
    const routes = (await discoverApiRoutes()).filter((route) => route.path.includes("{"));
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const route of routes) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
      for (const [method, handler] of Object.entries(route.handlers)) {
        for (const target of names) {
          for (const bad of [BAD_VALUES[0], BAD_VALUES[2], BAD_VALUES[4]]) {
            if (bad === undefined) continue;
            const params = Object.fromEntries(
              names.map((name) => [name, name === target ? bad.decoded : "x"]),
            );
            const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
              name === target ? bad.sent : "x",
            );
            const response = await callRoute((req, context) => Promise.resolve(handler(req, context)), {
              method,
              path,
              params,
              token: value,
              ...(method === "GET" || method === "DELETE" ? {} : { body: {} }),
            });
            const body = response.json as { code?: unknown; id?: unknown } | null;
            if (response.status !== 400 || body?.code !== "invalid_request" || typeof body.id !== "string") {
              failures.push(
                `${method} ${route.path} {${target}}=${JSON.stringify(bad.decoded)}: ${response.status}`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("keys in the path, over HTTP through the production API server (no Next.js router)", () => {
  let server: TestApiServer;
  let origin = "";

  beforeAll(async () => {
    server = await startTestApiServer();
    origin = server.origin;
  });

  afterAll(() => server.close());

  it.each(["%00", "%ED%A0%80", "%FF"])(
    "answers GET .../contexts/%s with 400 and the error body",
    async (sent) => {
      const { project, production } = await createTestProject();
      const segment = await createTestSegment(production, { members: ["a"] });
      const { value } = await createTestToken({ role: "reader" });
      const response = await fetch(
        `${origin}/api/v2/segments/${project.key}/production/${segment.key}/contexts/${sent}`,
        {
          headers: { authorization: value },
        },
      );
      expectError({ status: response.status, json: await response.json() }, 400, "invalid_request");
    },
  );

  it.each(["/api/v2/projects/%ED%A0%80", "/api/v2/segments/p/e/%FF", "/api/v2/tokens/%C0"])(
    "answers %s with 400 and the error body, whatever route it resembles",
    async (pathname) => {
      const response = await fetch(`${origin}${pathname}`);
      expect(response.headers.get("content-type")).toContain("application/json");
      expectError({ status: response.status, json: await response.json() }, 400, "invalid_request");
    },
  );
});
