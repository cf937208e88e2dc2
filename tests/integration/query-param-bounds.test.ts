import { describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v2/auditlog/route";
import * as segmentsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/route";
import * as syncsRoute from "@/app/api/v2/syncs/route";
import { MAX_AUDIT_QUERY_TIME_MS, MIN_AUDIT_QUERY_TIME_MS } from "@/lib/schemas/audit";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

async function audit(query: string) {
  const { value } = await createTestToken({ role: "reader" });
  return callRoute(auditRoute.GET, { path: `/api/v2/auditlog?${query}`, token: value });
}

describe("GET /api/v2/auditlog before and after bounds", () => {
  it.each(["9e15", "-1e20", "abc", "1e400", "8640000000000000", String(MAX_AUDIT_QUERY_TIME_MS + 1)])(
    "answers before and after set to %s with 400",
    async (value) => {
      expectError(await audit(`before=${value}`), 400, "invalid_request");
      expectError(await audit(`after=${value}`), 400, "invalid_request");
    },
  );

  it("answers -8.64e15, a valid JavaScript date PostgreSQL cannot compare, with 400", async () => {
    expectError(await audit("after=-8640000000000000"), 400, "invalid_request");
    expectError(await audit(`after=${MIN_AUDIT_QUERY_TIME_MS - 1}`), 400, "invalid_request");
  });

  it("accepts the bounds themselves", async () => {
    const response = await audit(
      `after=${MIN_AUDIT_QUERY_TIME_MS}&before=${MAX_AUDIT_QUERY_TIME_MS}&limit=1`,
    );
    expect(response.status).toBe(200);
  });

  it("answers the largest offset it accepts without a database error", async () => {
    const response = await audit(`offset=${Number.MAX_SAFE_INTEGER}`);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ items: [] });
  });
});

describe("NUL characters in query parameters", () => {
  it("answers q=%00 on the audit log with 400 before any query", async () => {
    const response = await audit("q=a%00b");
    expectError(response, 400, "invalid_request");
    expect(response.json).toMatchObject({ message: expect.stringContaining('Query parameter "q"') });
  });

  it("answers a NUL in the query of other list routes with 400", async () => {
    const { project } = await createTestProject();
    const { value } = await createTestToken({ role: "admin" });
    const segments = await callRoute(segmentsRoute.GET, {
      path: `/api/v2/segments/${project.key}/production?filter=${encodeURIComponent("query equals a\0b")}`,
      params: { projectKey: project.key, environmentKey: "production" },
      token: value,
    });
    expectError(segments, 400, "invalid_request");
    const syncs = await callRoute(syncsRoute.GET, {
      path: `/api/v2/syncs?projectKey=${project.key}&environmentKey=production&integration=a%00b`,
      token: value,
    });
    expectError(syncs, 400, "invalid_request");
    expect(syncs.json).toMatchObject({ message: expect.stringContaining('Query parameter "integration"') });
  });
});
