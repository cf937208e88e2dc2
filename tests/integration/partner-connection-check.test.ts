import { describe, expect, it } from "vitest";
import * as goalsRoute from "@/app/sdk/goals/[clientSideId]/route";
import * as versionsRoute from "@/app/api/v2/versions/route";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const LATEST = 20240415;

function versions(token: string | null, options: { method?: string; headers?: Record<string, string> } = {}) {
  return callRoute(versionsRoute.GET, { path: "/api/v2/versions", token, ...options });
}

function goals(clientSideId: string, method = "GET") {
  return callRoute(goalsRoute.GET, {
    method,
    path: `/sdk/goals/${clientSideId}`,
    params: { clientSideId },
  });
}

describe("GET /api/v2/versions (a tool's token check)", () => {
  it("answers a valid token with LaunchDarkly's versions and the rate-limit headers", async () => {
    const { value } = await createTestToken({ role: "reader" });
    const response = await versions(value);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      validVersions: [20191212, 20210729, 20220603, LATEST],
      latestVersion: LATEST,
      currentVersion: LATEST,
      beta: false,
    });
    expect(response.headers.get("x-ratelimit-route-remaining")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-reset")).toMatch(/^\d+$/);
  });

  it("reports the version a request asks for, and beta", async () => {
    const { value } = await createTestToken({ role: "reader" });
    const pinned = await versions(value, { headers: { "LD-API-Version": "20220603" } });
    expect(pinned.json).toMatchObject({ currentVersion: 20220603, beta: false });
    const beta = await versions(value, { headers: { "LD-API-Version": "beta" } });
    expect(beta.json).toMatchObject({ currentVersion: LATEST, beta: true });
  });

  it("answers HEAD like GET", async () => {
    const { value } = await createTestToken({ role: "reader" });
    expect(
      (await callRoute(versionsRoute.HEAD, { method: "HEAD", path: "/api/v2/versions", token: value }))
        .status,
    ).toBe(200);
    expect(
      (await callRoute(versionsRoute.HEAD, { method: "HEAD", path: "/api/v2/versions", token: "api-nope" }))
        .status,
    ).toBe(401);
  });

  it("answers 401 to a missing, unknown or expired token", async () => {
    expectError(await versions(null), 401, "unauthorized");
    expectError(await versions(`api-${"x".repeat(40)}`), 401, "unauthorized");
    const expired = await createTestToken({ role: "admin", expiresAt: new Date(Date.now() - 1000) });
    expectError(await versions(expired.value), 401, "unauthorized");
  });
});

describe("GET|HEAD /sdk/goals/{clientSideId} (a tool's client-side ID check)", () => {
  it("answers an empty list for a known environment, without a token", async () => {
    const { production } = await createTestProject();
    const response = await goals(production.clientSideId);
    expect(response.status).toBe(200);
    expect(response.json).toEqual([]);
    expect((await goals(production.clientSideId, "HEAD")).status).toBe(200);
  });

  it("answers 404 with the error body for an unknown client-side ID", async () => {
    expectError(await goals("0123456789abcdef01234567"), 404, "not_found");
    expectError(await goals("not-a-client-side-id"), 404, "not_found");
    expect((await goals("0123456789abcdef01234567", "HEAD")).status).toBe(404);
  });
});
