import { describe, expect, it } from "vitest";
import * as segmentsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { createSegmentOk, keysOf, listSegments } from "@/tests/support/segments-api";

describe("GET /api/v2/segments/{projectKey}/{environmentKey}", () => {
  /** Four segments with fixed creation and modification times, so every order is known. */
  async function listTenant() {
    const t = await createTestTenant();
    const rows = [
      {
        key: "alpha",
        name: "Alpha users",
        tags: ["web"],
        unbounded: false,
        external: null,
        created: 1,
        modified: 3,
      },
      {
        key: "beta",
        name: "Beta testers",
        tags: ["mobile"],
        unbounded: true,
        external: "amplitude",
        created: 2,
        modified: 4,
      },
      {
        key: "gamma",
        name: "gamma_ray",
        tags: ["web", "mobile"],
        unbounded: true,
        external: "hightouch",
        created: 3,
        modified: 1,
      },
      { key: "delta", name: "Delta", tags: [], unbounded: false, external: null, created: 4, modified: 2 },
    ];
    for (const row of rows) {
      await createSegmentOk(t, { key: row.key, name: row.name, tags: row.tags, unbounded: row.unbounded });
      await prisma.segment.update({
        where: { environmentId_key: { environmentId: t.production.id, key: row.key } },
        data: {
          external: row.external,
          externalCohortId: row.external ? `cohort-${row.key}` : null,
          createdAt: new Date(Date.UTC(2030, 0, row.created)),
          updatedAt: new Date(Date.UTC(2030, 1, row.modified)),
        },
      });
    }
    return t;
  }

  it("lists newest first by default, in the collection shape", async () => {
    const t = await listTenant();
    const response = await listSegments(t);
    expect(response.status).toBe(200);
    expect(keysOf(response)).toEqual(["delta", "gamma", "beta", "alpha"]);
    expect(response.json).toMatchObject({
      totalCount: 4,
      _links: { self: { href: expect.stringContaining("offset=0"), type: "application/json" } },
    });
    const first = (response.json as { items: unknown[] }).items[0];
    expect(first).toMatchObject({ key: "delta", included: [], _unboundedMetadata: { includedCount: 0 } });
  });

  it.each([
    ["creationDate", ["alpha", "beta", "gamma", "delta"]],
    ["-creationDate", ["delta", "gamma", "beta", "alpha"]],
    ["name", ["alpha", "beta", "delta", "gamma"]],
    ["-name", ["gamma", "delta", "beta", "alpha"]],
    ["lastModified", ["gamma", "delta", "alpha", "beta"]],
    ["-lastModified", ["beta", "alpha", "delta", "gamma"]],
  ])("sorts by %s", async (sort, expected) => {
    const t = await listTenant();
    expect(keysOf(await listSegments(t, `?sort=${sort}`))).toEqual(expected);
  });

  it("breaks ties by key so that paging is stable", async () => {
    const t = await createTestTenant();
    for (const key of ["c", "a", "b"]) await createSegmentOk(t, { key, name: key });
    await prisma.segment.updateMany({
      where: { environmentId: t.production.id },
      data: { createdAt: new Date(Date.UTC(2030, 0, 1)) },
    });
    expect(keysOf(await listSegments(t))).toEqual(["a", "b", "c"]);
  });

  it.each([
    ["query equals ALPHA", ["alpha"]],
    ["query equals gam", ["gamma"]],
    ["query equals TESTERS", ["beta"]],
    ["query equals a_r", ["gamma"]],
    ["query equals %", []],
    ["query equals _", ["gamma"]],
    ["tags anyOf [web]", ["gamma", "alpha"]],
    ["tags anyOf [mobile,unknown]", ["gamma", "beta"]],
    ["unbounded equals true", ["gamma", "beta"]],
    ["unbounded equals false", ["delta", "alpha"]],
    ["external exists", ["gamma", "beta"]],
    ["external equals amplitude", ["beta"]],
    ["synced equals true", ["gamma", "beta"]],
    ["synced equals false", ["delta", "alpha"]],
    ["tags anyOf [web],unbounded equals true", ["gamma"]],
    ["query equals a, external equals hightouch", ["gamma"]],
  ])("filters with %s", async (filter, expected) => {
    const t = await listTenant();
    const response = await listSegments(t, `?filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(200);
    expect(keysOf(response)).toEqual(expected);
    expect(response.json).toMatchObject({ totalCount: expected.length });
  });

  it("filters synced segments by freshness, with the stale age from TRIBUTARY_STALE_AFTER_HOURS", async () => {
    const t = await listTenant();
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const synced = (key: string, data: { lastSyncAt: Date | null; lastSyncStatus: string | null }) =>
      prisma.segment.updateMany({ where: { environmentId: t.production.id, key }, data });
    const freshness = async (value: string) =>
      keysOf(await listSegments(t, `?filter=${encodeURIComponent(`freshness equals ${value}`)}`));

    expect(await freshness("never")).toEqual(["gamma", "beta"]);
    await synced("beta", { lastSyncAt: hoursAgo(48), lastSyncStatus: "succeeded" });
    await synced("gamma", { lastSyncAt: hoursAgo(1), lastSyncStatus: "partially_applied" });
    expect(await freshness("stale")).toEqual(["beta"]);
    expect(await freshness("partial")).toEqual(["gamma"]);
    expect(await freshness("fresh")).toEqual([]);
    expect(await freshness("never")).toEqual([]);
    await synced("gamma", { lastSyncAt: hoursAgo(1), lastSyncStatus: "succeeded" });
    await synced("delta", { lastSyncAt: hoursAgo(100), lastSyncStatus: "failed" });
    expect(await freshness("fresh")).toEqual(["gamma"]);
    expect(await freshness("failed")).toEqual(["delta"]);
    expect(await freshness("stale")).toEqual(["beta"]);
  });

  it("pages with limit and offset, with next and prev links that keep the filter", async () => {
    const t = await listTenant();
    const filter = encodeURIComponent("query equals a");
    const first = await listSegments(t, `?limit=2&filter=${filter}`);
    expect(keysOf(first)).toEqual(["delta", "gamma"]);
    const firstLinks = (first.json as { _links: Record<string, { href: string }> })._links;
    expect(first.json).toMatchObject({ totalCount: 4 });
    expect(firstLinks.prev).toBeUndefined();
    const next = new URL(firstLinks.next?.href ?? "", "http://localhost");
    expect(next.searchParams.get("offset")).toBe("2");
    expect(next.searchParams.get("limit")).toBe("2");
    expect(next.searchParams.get("filter")).toBe("query equals a");

    const second = await listSegments(t, `${next.search}`);
    expect(keysOf(second)).toEqual(["beta", "alpha"]);
    const secondLinks = (second.json as { _links: Record<string, { href: string }> })._links;
    expect(secondLinks.next).toBeUndefined();
    expect(new URL(secondLinks.prev?.href ?? "", "http://localhost").searchParams.get("offset")).toBe("0");

    expect(keysOf(await listSegments(t, "?offset=10"))).toEqual([]);
  });

  it.each([
    ["an unknown filter field", "?filter=color%20equals%20red", /unknown field "color"/],
    ["a filter without a value", "?filter=query%20equals", /value is missing/],
    ["an unclosed tag list", "?filter=tags%20anyOf%20%5Bweb", /never closed/],
    ["a bad unbounded value", "?filter=unbounded%20equals%20maybe", /unbounded equals true/],
    ["an unknown sort", "?sort=key", /sort/],
    ["a limit over 100", "?limit=101", /limit/],
    ["a limit of 0", "?limit=0", /limit/],
    ["a negative offset", "?offset=-1", /offset/],
  ])("rejects %s with 400 naming the problem", async (_case, query, message) => {
    const t = await createTestTenant();
    const response = await listSegments(t, query);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toMatch(message);
  });

  it("lists only the segments the caller may view, and counts only those", async () => {
    const t = await createTestTenant();
    for (const key of ["amplitude-1", "hightouch-1", "amplitude-2", "hightouch-2", "amplitude-3"]) {
      await createSegmentOk(t, { key, name: key });
    }
    const amplitudeOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const page = await listSegments(t, "?limit=2&sort=name", amplitudeOnly);
    expect(keysOf(page)).toEqual(["amplitude-1", "amplitude-2"]);
    expect(page.json).toMatchObject({ totalCount: 3 });
    expect(keysOf(await listSegments(t, "?limit=2&offset=2&sort=name", amplitudeOnly))).toEqual([
      "amplitude-3",
    ]);

    const reader = (await createTestToken({ role: "reader" })).value;
    expect(await listSegments(t, "?limit=100", reader)).toMatchObject({
      status: 200,
      json: { totalCount: 5 },
    });
  });

  it("answers a caller who may see nothing in the environment as for an unknown one, not with an empty list", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "secret", name: "Secret" });
    const noAccess = (await createTestToken({ role: "no_access" })).value;
    expectError(await listSegments(t, "", noAccess), 404, "not_found");
  });

  it("answers 404 for an unknown environment and 401 without a valid token", async () => {
    const t = await createTestTenant();
    expectError(
      await callRoute(segmentsRoute.GET, {
        path: `/api/v2/segments/${t.project.key}/nope`,
        params: { projectKey: t.project.key, environmentKey: "nope" },
        token: t.token,
      }),
      404,
      "not_found",
    );
    expectError(await listSegments(t, "", null), 401, "unauthorized");
    expectError(await listSegments(t, "", "api-not-a-real-token"), 401, "unauthorized");
  });
});
