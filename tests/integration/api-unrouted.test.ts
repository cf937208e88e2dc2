import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as unknownPathRoute from "@/app/api/[...path]/route";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

function expectRateLimitHeaders(headers: Headers, present: boolean) {
  expect(headers.get("x-ratelimit-route-remaining") !== null).toBe(present);
  expect(headers.get("x-ratelimit-reset") !== null).toBe(present);
}

function unknownPath(method: string, token: string | null, requestPath = "/api/v2/no-such-thing/42") {
  return callRoute(unknownPathRoute.GET, { method, path: requestPath, token });
}

describe("an unknown path under /api/", () => {
  it("is 404 with the error body for every method, without a token and without rate-limit headers", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const response = await unknownPath(method, null);
      expectError(response, 404, "not_found");
      expect(response.headers.get("x-request-id")).toBe((response.json as { id: string }).id);
      expectRateLimitHeaders(response.headers, false);
    }
    expect((await unknownPath("HEAD", null)).status).toBe(404);
  });

  it("is 404 with the rate-limit headers for a valid token, and 401 for a bad one", async () => {
    const { value } = await createTestToken({ role: "reader" });
    for (const method of ["GET", "POST"]) {
      const response = await unknownPath(method, value);
      expectError(response, 404, "not_found");
      expectRateLimitHeaders(response.headers, true);
    }
    expectError(await unknownPath("GET", `api-${"0".repeat(40)}`), 401, "unauthorized");
  });

  it("names the path, cut short when long", async () => {
    const long = `/api/v2/${"x".repeat(5000)}`;
    const response = await unknownPath("GET", null, long);
    expect((response.json as { message: string }).message.length).toBeLessThan(300);
  });
});

describe("a method a route does not have", () => {
  it("is 405 with Allow and the error body, and the rate-limit headers when a token is presented", async () => {
    const { value } = await createTestToken({ role: "writer" });
    const params = { integrationKey: "amplitude" };
    const withToken = await callRoute(segmentTargetsRoute.GET, {
      method: "GET",
      path: "/api/v2/segment-targets/amplitude",
      params,
      token: value,
    });
    expectError(withToken, 405, "method_not_allowed");
    expect(withToken.headers.get("allow")).toBe("OPTIONS, POST");
    expectRateLimitHeaders(withToken.headers, true);

    const anonymous = await callRoute(segmentTargetsRoute.PUT, {
      method: "PUT",
      path: "/api/v2/segment-targets/amplitude",
      params,
      body: {},
    });
    expectError(anonymous, 405, "method_not_allowed");
    expect(anonymous.headers.get("allow")).toBe("OPTIONS, POST");

    const segment = await callRoute(segmentRoute.POST, {
      method: "POST",
      path: "/api/v2/segments/p/e/s",
      params: { projectKey: "p", environmentKey: "e", segmentKey: "s" },
      token: value,
      body: {},
    });
    expectError(segment, 405, "method_not_allowed");
    expect(segment.headers.get("allow")).toBe("DELETE, GET, HEAD, OPTIONS, PATCH");
  });

  it("is answered by every route under app/api/v2 for every method it lacks, with its real methods in Allow", async () => {
    const root = path.resolve("app/api/v2");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
      (name) => path.basename(name) === "route.ts",
    );
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const routeModule = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const real = ROUTE_METHODS.filter((method) => {
        const handler = routeModule[method];
        return typeof handler === "function" && !("refusesEveryRequest" in handler);
      });
      const served = real.includes("GET") && !real.includes("HEAD") ? [...real, "HEAD"] : real;
      const expectedAllow = [...served, "OPTIONS"].sort().join(", ");
      // Next.js's own OPTIONS would list the refusing exports too.
      const options = routeModule.OPTIONS;
      expect(typeof options, `${file} OPTIONS`).toBe("function");
      const preflight = await callRoute(options as typeof segmentTargetsRoute.PUT, {
        method: "OPTIONS",
        path: "/api/v2/anything",
      });
      expect(preflight.status, `${file} OPTIONS`).toBe(204);
      expect(preflight.headers.get("allow"), `${file} OPTIONS`).toBe(expectedAllow);
      for (const method of ROUTE_METHODS) {
        const handler = routeModule[method];
        if (real.includes(method)) continue;
        if (method === "HEAD" && real.includes("GET")) {
          // Next.js answers HEAD from GET; a refusing HEAD would shadow it.
          expect(handler, `${file} HEAD`).toBeUndefined();
          continue;
        }
        expect(typeof handler, `${file} ${method}`).toBe("function");
        const response = await callRoute(handler as typeof segmentTargetsRoute.PUT, {
          method,
          path: "/api/v2/anything",
          body: method === "GET" || method === "HEAD" ? undefined : {},
        });
        expect(response.status, `${file} ${method}`).toBe(405);
        expect(response.headers.get("allow"), `${file} ${method}`).toBe(expectedAllow);
      }
    }
  });
});
