import { describe, expect, it } from "vitest";
import * as segmentsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/route";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import type { Policy } from "@/lib/schemas/policy";
import { SEMANTIC_PATCH_MEDIA_TYPE } from "@/lib/schemas/segment";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

type Tenant = Awaited<ReturnType<typeof tenant>>;

async function tenant() {
  const { project, production } = await createTestProject();
  const { value: writer } = await createTestToken({ role: "writer" });
  const params = { projectKey: project.key, environmentKey: production.key };
  return {
    project,
    environment: production,
    writer,
    params,
    path: `/api/v2/segments/${project.key}/production`,
  };
}

async function tokenWith(policy: Policy): Promise<string> {
  return (await createTestToken({ role: null, policy })).value;
}

function create(t: Tenant, body: unknown, token: string | null = t.writer) {
  return callRoute(segmentsRoute.POST, { path: t.path, params: t.params, token, body });
}

async function createOk(t: Tenant, body: Record<string, unknown>) {
  const response = await create(t, body);
  expect(response.status).toBe(201);
  return response;
}

function list(t: Tenant, query = "", token: string | null = t.writer) {
  return callRoute(segmentsRoute.GET, { path: `${t.path}${query}`, params: t.params, token });
}

function at(t: Tenant, segmentKey: string) {
  return { path: `${t.path}/${segmentKey}`, params: { ...t.params, segmentKey } };
}

function get(t: Tenant, segmentKey: string, token: string | null = t.writer) {
  return callRoute(segmentRoute.GET, { ...at(t, segmentKey), token });
}

function patch(
  t: Tenant,
  segmentKey: string,
  body: unknown,
  options: { token?: string | null; semantic?: boolean } = {},
) {
  return callRoute(segmentRoute.PATCH, {
    ...at(t, segmentKey),
    method: "PATCH",
    token: options.token === undefined ? t.writer : options.token,
    body,
    headers: options.semantic ? { "content-type": SEMANTIC_PATCH_MEDIA_TYPE } : undefined,
  });
}

function remove(t: Tenant, segmentKey: string, token: string | null = t.writer) {
  return callRoute(segmentRoute.DELETE, { ...at(t, segmentKey), method: "DELETE", token });
}

/** Everything a segment request could write in the tenant's environment, to assert that a refused request wrote nothing. */
async function snapshot(t: Tenant) {
  const segments = await prisma.segment.findMany({
    where: { environmentId: t.environment.id },
    orderBy: { key: "asc" },
  });
  const ids = segments.map((segment) => segment.id);
  return {
    segments,
    generations: await prisma.segmentGeneration.findMany({
      where: { environmentId: t.environment.id },
      orderBy: { key: "asc" },
    }),
    members: await prisma.segmentMember.count({ where: { segmentId: { in: ids } } }),
    exclusions: await prisma.segmentExclusion.count({ where: { segmentId: { in: ids } } }),
    audit: await prisma.auditEntry.count({ where: { target: { startsWith: `proj/${t.project.key}:` } } }),
  };
}

async function expectNothingWritten(t: Tenant, before: Awaited<ReturnType<typeof snapshot>>) {
  expect(await snapshot(t)).toEqual(before);
}

async function addMembers(segmentKey: string, t: Tenant, included: string[], excluded: string[] = []) {
  const segment = await prisma.segment.findUniqueOrThrow({
    where: { environmentId_key: { environmentId: t.environment.id, key: segmentKey } },
  });
  await prisma.segmentMember.createMany({
    data: included.map((contextKey) => ({ segmentId: segment.id, contextKey })),
  });
  await prisma.segmentExclusion.createMany({
    data: excluded.map((contextKey) => ({ segmentId: segment.id, contextKey })),
  });
  await prisma.segment.update({
    where: { id: segment.id },
    data: { includedCount: included.length, excludedCount: excluded.length },
  });
  return segment;
}

function keysOf(response: { json: unknown }): string[] {
  const { items } = response.json as { items: { key: string }[] };
  return items.map((item) => item.key);
}

describe("POST /api/v2/segments/{projectKey}/{environmentKey}", () => {
  it("creates a segment with every field, generation 1, and an audit entry", async () => {
    const t = await tenant();
    const before = Date.now();
    const response = await create(t, {
      key: "beta-users",
      name: "Beta users",
      description: "People in the beta",
      tags: ["web", "beta"],
      unbounded: true,
      unboundedContextKind: "device",
    });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      key: "beta-users",
      name: "Beta users",
      description: "People in the beta",
      tags: ["web", "beta"],
      creationDate: expect.any(Number),
      lastModifiedDate: expect.any(Number),
      version: 1,
      generation: 1,
      deleted: false,
      unbounded: true,
      unboundedContextKind: "device",
      included: [],
      excluded: [],
      rules: [],
      _unboundedMetadata: { includedCount: 0, excludedCount: 0 },
      _lastSync: null,
      _editedByHand: { name: false, description: false, tags: false },
      _links: {
        self: { href: `/api/v2/segments/${t.project.key}/production/beta-users`, type: "application/json" },
      },
    });
    const body = response.json as { creationDate: number };
    expect(body.creationDate).toBeGreaterThanOrEqual(before - 1000);
    // LaunchDarkly omits what a segment lacks; its client's models have no null for these.
    for (const absent of ["_external", "_externalLink"]) expect(body).not.toHaveProperty(absent);
    expect(response.json).not.toHaveProperty("_unboundedMetadata.lastModified");
    expect(
      await prisma.segmentGeneration.findUnique({
        where: { environmentId_key: { environmentId: t.environment.id, key: "beta-users" } },
      }),
    ).toMatchObject({ generation: 1 });
    const audit = await prisma.auditEntry.findMany({
      where: { target: `proj/${t.project.key}:env/production:segment/beta-users;web,beta` },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      kind: "segment",
      accesses: [{ action: "createSegment", resource: audit[0]?.target }],
    });
  });

  it("defaults to a list-based segment of user contexts", async () => {
    const t = await tenant();
    const response = await createOk(t, { key: "plain", name: "Plain" });
    expect(response.json).not.toHaveProperty("description");
    expect(response.json).toMatchObject({
      tags: [],
      unbounded: false,
      unboundedContextKind: "user",
      generation: 1,
    });
  });

  it.each([
    ["a missing name", { key: "a" }],
    ["a missing key", { name: "A" }],
    ["an empty name", { key: "a", name: "   " }],
    ["a name over 256 characters", { key: "a", name: "n".repeat(257) }],
    ["a key with a space", { key: "a b", name: "A" }],
    ["a key over 256 characters", { key: "k".repeat(257), name: "A" }],
    ["a bad tag", { key: "a", name: "A", tags: ["no spaces"] }],
    ["a description over 1024 characters", { key: "a", name: "A", description: "d".repeat(1025) }],
    ["a reserved context kind", { key: "a", name: "A", unboundedContextKind: "multi" }],
    ["a non-boolean unbounded", { key: "a", name: "A", unbounded: "yes" }],
    ["an array", [{ key: "a", name: "A" }]],
  ])("rejects %s with 400 and writes nothing", async (_case, body) => {
    const t = await tenant();
    const before = await snapshot(t);
    expectError(await create(t, body), 400, "invalid_request");
    await expectNothingWritten(t, before);
  });

  it("rejects a body that is not JSON with 400", async () => {
    const t = await tenant();
    const response = await callRoute(segmentsRoute.POST, {
      path: t.path,
      params: t.params,
      token: t.writer,
      rawBody: "{nope",
      headers: { "content-type": "application/json" },
    });
    expectError(response, 400, "invalid_request");
  });

  it("answers 409 for a duplicate key and keeps the generation", async () => {
    const t = await tenant();
    await createOk(t, { key: "dup", name: "First" });
    const before = await snapshot(t);
    expectError(await create(t, { key: "dup", name: "Second" }), 409, "conflict");
    await expectNothingWritten(t, before);
  });

  it("answers 404 for an unknown environment", async () => {
    const t = await tenant();
    const response = await callRoute(segmentsRoute.POST, {
      path: `/api/v2/segments/${t.project.key}/nope`,
      params: { projectKey: t.project.key, environmentKey: "nope" },
      token: t.writer,
      body: { key: "a", name: "A" },
    });
    expectError(response, 404, "not_found");
  });

  it("answers 401 without a token or with an invalid one", async () => {
    const t = await tenant();
    const before = await snapshot(t);
    expectError(await create(t, { key: "a", name: "A" }, null), 401, "unauthorized");
    expectError(await create(t, { key: "a", name: "A" }, "api-not-a-real-token"), 401, "unauthorized");
    await expectNothingWritten(t, before);
  });

  it("answers 403 for a reader, 404 for a token limited to other keys (it may not see the environment), and writes nothing", async () => {
    const t = await tenant();
    const reader = (await createTestToken({ role: "reader" })).value;
    const amplitudeOnly = await tokenWith([
      { effect: "allow", actions: ["createSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const before = await snapshot(t);
    expectError(await create(t, { key: "a", name: "A" }, reader), 403, "forbidden");
    expectError(await create(t, { key: "hightouch-y", name: "H" }, amplitudeOnly), 404, "not_found");
    await expectNothingWritten(t, before);
    expect((await create(t, { key: "amplitude-x", name: "A" }, amplitudeOnly)).status).toBe(201);
  });

  it("checks createSegment against the new segment's tags", async () => {
    const t = await tenant();
    const taggedOnly = await tokenWith([
      { effect: "allow", actions: ["createSegment"], resources: ["proj/*:env/*:segment/*;sandbox"] },
    ]);
    expectError(await create(t, { key: "a", name: "A" }, taggedOnly), 404, "not_found");
    expect((await create(t, { key: "a", name: "A", tags: ["sandbox"] }, taggedOnly)).status).toBe(201);
  });
});

describe("GET /api/v2/segments/{projectKey}/{environmentKey}", () => {
  /** Four segments with fixed creation and modification times, so every order is known. */
  async function listTenant() {
    const t = await tenant();
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
      await createOk(t, { key: row.key, name: row.name, tags: row.tags, unbounded: row.unbounded });
      await prisma.segment.update({
        where: { environmentId_key: { environmentId: t.environment.id, key: row.key } },
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
    const response = await list(t);
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
    expect(keysOf(await list(t, `?sort=${sort}`))).toEqual(expected);
  });

  it("breaks ties by key so that paging is stable", async () => {
    const t = await tenant();
    for (const key of ["c", "a", "b"]) await createOk(t, { key, name: key });
    await prisma.segment.updateMany({
      where: { environmentId: t.environment.id },
      data: { createdAt: new Date(Date.UTC(2030, 0, 1)) },
    });
    expect(keysOf(await list(t))).toEqual(["a", "b", "c"]);
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
    const response = await list(t, `?filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(200);
    expect(keysOf(response)).toEqual(expected);
    expect(response.json).toMatchObject({ totalCount: expected.length });
  });

  it("filters synced segments by freshness, with the stale age from TRIBUTARY_STALE_AFTER_HOURS", async () => {
    const t = await listTenant();
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const synced = (key: string, data: { lastSyncAt: Date | null; lastSyncStatus: string | null }) =>
      prisma.segment.updateMany({ where: { environmentId: t.environment.id, key }, data });
    const freshness = async (value: string) =>
      keysOf(await list(t, `?filter=${encodeURIComponent(`freshness equals ${value}`)}`));

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
    const first = await list(t, `?limit=2&filter=${filter}`);
    expect(keysOf(first)).toEqual(["delta", "gamma"]);
    const firstLinks = (first.json as { _links: Record<string, { href: string }> })._links;
    expect(first.json).toMatchObject({ totalCount: 4 });
    expect(firstLinks.prev).toBeUndefined();
    const next = new URL(firstLinks.next?.href ?? "", "http://localhost");
    expect(next.searchParams.get("offset")).toBe("2");
    expect(next.searchParams.get("limit")).toBe("2");
    expect(next.searchParams.get("filter")).toBe("query equals a");

    const second = await list(t, `${next.search}`);
    expect(keysOf(second)).toEqual(["beta", "alpha"]);
    const secondLinks = (second.json as { _links: Record<string, { href: string }> })._links;
    expect(secondLinks.next).toBeUndefined();
    expect(new URL(secondLinks.prev?.href ?? "", "http://localhost").searchParams.get("offset")).toBe("0");

    expect(keysOf(await list(t, "?offset=10"))).toEqual([]);
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
    const t = await tenant();
    const response = await list(t, query);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toMatch(message);
  });

  it("lists only the segments the caller may view, and counts only those", async () => {
    const t = await tenant();
    for (const key of ["amplitude-1", "hightouch-1", "amplitude-2", "hightouch-2", "amplitude-3"]) {
      await createOk(t, { key, name: key });
    }
    const amplitudeOnly = await tokenWith([
      { effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const page = await list(t, "?limit=2&sort=name", amplitudeOnly);
    expect(keysOf(page)).toEqual(["amplitude-1", "amplitude-2"]);
    expect(page.json).toMatchObject({ totalCount: 3 });
    expect(keysOf(await list(t, "?limit=2&offset=2&sort=name", amplitudeOnly))).toEqual(["amplitude-3"]);

    const reader = (await createTestToken({ role: "reader" })).value;
    expect(await list(t, "?limit=100", reader)).toMatchObject({ status: 200, json: { totalCount: 5 } });
  });

  it("answers a caller who may see nothing in the environment as for an unknown one, not with an empty list", async () => {
    const t = await tenant();
    await createOk(t, { key: "secret", name: "Secret" });
    const noAccess = (await createTestToken({ role: "no_access" })).value;
    expectError(await list(t, "", noAccess), 404, "not_found");
  });

  it("answers 404 for an unknown environment and 401 without a valid token", async () => {
    const t = await tenant();
    expectError(
      await callRoute(segmentsRoute.GET, {
        path: `/api/v2/segments/${t.project.key}/nope`,
        params: { projectKey: t.project.key, environmentKey: "nope" },
        token: t.writer,
      }),
      404,
      "not_found",
    );
    expectError(await list(t, "", null), 401, "unauthorized");
    expectError(await list(t, "", "api-not-a-real-token"), 401, "unauthorized");
  });
});

describe("GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}", () => {
  it("gets a synced segment with its counts and sync status, never listing its members", async () => {
    const t = await tenant();
    await createOk(t, { key: "amplitude-1", name: "Cohort", unbounded: true });
    const segment = await addMembers("amplitude-1", t, ["u1", "u2", "u3"], ["u4"]);
    const syncedAt = new Date(Date.UTC(2030, 5, 1));
    await prisma.segment.update({
      where: { id: segment.id },
      data: {
        external: "amplitude",
        externalLink: "https://amplitude.example/cohort/1",
        externalCohortId: "1",
        membershipLastModified: syncedAt,
        lastSyncAt: syncedAt,
        lastSyncStatus: "partially_applied",
      },
    });
    const response = await get(t, "amplitude-1");
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      key: "amplitude-1",
      unbounded: true,
      included: [],
      excluded: [],
      _external: "amplitude",
      _externalLink: "https://amplitude.example/cohort/1",
      _unboundedMetadata: { includedCount: 3, excludedCount: 1, lastModified: syncedAt.getTime() },
      _lastSync: { at: syncedAt.getTime(), status: "partially_applied" },
    });
  });

  it("lists the targets of a list-based segment", async () => {
    const t = await tenant();
    await createOk(t, { key: "list", name: "List" });
    await addMembers("list", t, ["b", "a"], ["c"]);
    expect((await get(t, "list")).json).toMatchObject({ included: ["a", "b"], excluded: ["c"] });
  });

  it("answers 404 for an unknown segment or environment", async () => {
    const t = await tenant();
    expectError(await get(t, "nope"), 404, "not_found");
    expectError(
      await callRoute(segmentRoute.GET, {
        path: `/api/v2/segments/${t.project.key}/nope/x`,
        params: { projectKey: t.project.key, environmentKey: "nope", segmentKey: "x" },
        token: t.writer,
      }),
      404,
      "not_found",
    );
  });

  it("answers 401 without a valid token and without viewSegment the 404 of an unknown segment", async () => {
    const t = await tenant();
    await createOk(t, { key: "hightouch-y", name: "H" });
    await createOk(t, { key: "amplitude-x", name: "A" });
    expectError(await get(t, "hightouch-y", null), 401, "unauthorized");
    expectError(await get(t, "hightouch-y", "api-not-a-real-token"), 401, "unauthorized");
    const noAccess = (await createTestToken({ role: "no_access" })).value;
    expectError(await get(t, "hightouch-y", noAccess), 404, "not_found");
    const amplitudeOnly = await tokenWith([
      { effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    expectError(await get(t, "hightouch-y", amplitudeOnly), 404, "not_found");
    expect((await get(t, "amplitude-x", amplitudeOnly)).status).toBe(200);
  });
});

describe("PATCH with a JSON Patch", () => {
  async function withSegment() {
    const t = await tenant();
    await createOk(t, { key: "seg", name: "Original", description: "First", tags: ["a", "b"] });
    return t;
  }

  it("updates name, description and tags, bumps the version once, marks the edits, and audits", async () => {
    const t = await withSegment();
    const response = await patch(t, "seg", [
      { op: "test", path: "/version", value: 1 },
      { op: "replace", path: "/name", value: "Renamed" },
      { op: "replace", path: "/description", value: "Second" },
      { op: "add", path: "/tags/-", value: "c" },
      { op: "replace", path: "/tags/0", value: "z" },
      { op: "remove", path: "/tags/1" },
    ]);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      key: "seg",
      name: "Renamed",
      description: "Second",
      tags: ["z", "c"],
      version: 2,
      _editedByHand: { name: true, description: true, tags: true },
    });
    const row = await prisma.segment.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: t.environment.id, key: "seg" } },
    });
    expect(row).toMatchObject({
      nameEditedByHand: true,
      descriptionEditedByHand: true,
      tagsEditedByHand: true,
      version: 2,
    });
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: { startsWith: `proj/${t.project.key}:env/production:segment/seg` } },
      orderBy: { date: "desc" },
    });
    expect(audit).toMatchObject({
      kind: "segment",
      previousVersion: { name: "Original", description: "First", tags: ["a", "b"], version: 1 },
      currentVersion: { name: "Renamed", description: "Second", tags: ["z", "c"], version: 2 },
    });
  });

  it("marks only the touched setting as edited by hand", async () => {
    const t = await withSegment();
    const response = await patch(t, "seg", [{ op: "replace", path: "/description", value: null }]);
    expect(response.json).not.toHaveProperty("description");
    expect(response.json).toMatchObject({
      version: 2,
      _editedByHand: { name: false, description: true, tags: false },
    });
  });

  it("counts a rename to the same name as a hand edit without a new version", async () => {
    const t = await withSegment();
    const response = await patch(t, "seg", [{ op: "replace", path: "/name", value: "Original" }]);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ name: "Original", version: 1, _editedByHand: { name: true } });
  });

  it("replaces the whole tag list and accepts LaunchDarkly's {comment, patch} form", async () => {
    const t = await withSegment();
    const response = await patch(t, "seg", {
      comment: "tidy tags",
      patch: [{ op: "replace", path: "/tags", value: ["x", "y", "x"] }],
    });
    expect(response.json).toMatchObject({ tags: ["x", "y"], version: 2 });
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: { startsWith: `proj/${t.project.key}:env/production:segment/seg` } },
      orderBy: { date: "desc" },
    });
    expect(audit.description).toContain("tidy tags");
  });

  it("applies a patch whose test /version matches", async () => {
    const t = await withSegment();
    await patch(t, "seg", [{ op: "replace", path: "/name", value: "v2" }]);
    const response = await patch(t, "seg", [
      { op: "test", path: "/version", value: 2 },
      { op: "replace", path: "/name", value: "v3" },
    ]);
    expect(response.json).toMatchObject({ name: "v3", version: 3 });
  });

  it.each([
    ["a stale version", [{ op: "test", path: "/version", value: 7 }]],
    ["a different name", [{ op: "test", path: "/name", value: "Other" }]],
  ])("answers 409 for a failed test of %s and writes nothing", async (_case, operations) => {
    const t = await withSegment();
    const before = await snapshot(t);
    const response = await patch(t, "seg", [...operations, { op: "replace", path: "/name", value: "Never" }]);
    expectError(response, 409, "optimistic_locking_error");
    await expectNothingWritten(t, before);
  });

  it("lets only one of two concurrent patches with the same test /version win", async () => {
    const t = await withSegment();
    const attempt = (name: string) =>
      patch(t, "seg", [
        { op: "test", path: "/version", value: 1 },
        { op: "replace", path: "/name", value: name },
      ]);
    const results = await Promise.all([attempt("first"), attempt("second"), attempt("third")]);
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const row = await prisma.segment.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: t.environment.id, key: "seg" } },
    });
    expect(row.version).toBe(2);
  });

  it.each([
    ["the key", [{ op: "replace", path: "/key", value: "other" }]],
    ["the version", [{ op: "replace", path: "/version", value: 9 }]],
    ["unbounded", [{ op: "replace", path: "/unbounded", value: true }]],
    ["a nested name path", [{ op: "add", path: "/name/x", value: "y" }]],
    ["a tag index with a leading zero", [{ op: "replace", path: "/tags/01", value: "y" }]],
    ["a copy from another path", [{ op: "copy", from: "/key", path: "/name" }]],
    ["a test of another path", [{ op: "test", path: "/unbounded", value: false }]],
    ["an unknown op", [{ op: "merge", path: "/name", value: "y" }]],
    ["an empty patch", []],
    ["a patch that is not a list", { op: "replace", path: "/name", value: "y" }],
    ["a tag index past the end", [{ op: "replace", path: "/tags/5", value: "y" }]],
    ["a missing value", [{ op: "replace", path: "/name" }]],
    ["an empty name", [{ op: "replace", path: "/name", value: "" }]],
    ["a name that is not a string", [{ op: "replace", path: "/name", value: 42 }]],
    ["removing the name", [{ op: "remove", path: "/name" }]],
    ["a bad tag", [{ op: "add", path: "/tags/-", value: "has space" }]],
    [
      "a description over 1024 characters",
      [{ op: "replace", path: "/description", value: "d".repeat(1025) }],
    ],
    ["a semantic patch without its content type", { instructions: [{ kind: "updateName", value: "x" }] }],
  ])("rejects a patch of %s with 400 and writes nothing", async (_case, body) => {
    const t = await withSegment();
    const before = await snapshot(t);
    expectError(await patch(t, "seg", body), 400, "invalid_request");
    await expectNothingWritten(t, before);
  });

  it("answers 404 for an unknown segment", async () => {
    const t = await withSegment();
    expectError(await patch(t, "nope", [{ op: "replace", path: "/name", value: "x" }]), 404, "not_found");
  });
});

describe("PATCH with a semantic patch", () => {
  async function withSegment() {
    const t = await tenant();
    await createOk(t, { key: "seg", name: "Original", description: "First", tags: ["a", "b"] });
    return t;
  }

  it.each([
    [
      "updateName",
      { kind: "updateName", value: "Renamed" },
      { name: "Renamed", _editedByHand: { name: true, description: false, tags: false } },
    ],
    [
      "updateDescription",
      { kind: "updateDescription", value: "Second" },
      { description: "Second", _editedByHand: { name: false, description: true, tags: false } },
    ],
    [
      "addTags",
      { kind: "addTags", values: ["b", "c"] },
      { tags: ["a", "b", "c"], _editedByHand: { name: false, description: false, tags: true } },
    ],
    [
      "removeTags",
      { kind: "removeTags", values: ["a", "zzz"] },
      { tags: ["b"], _editedByHand: { name: false, description: false, tags: true } },
    ],
  ])("applies %s", async (_kind, instruction, expected) => {
    const t = await withSegment();
    const response = await patch(
      t,
      "seg",
      { comment: "why", instructions: [instruction] },
      { semantic: true },
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ...expected, version: 2 });
  });

  it("applies several instructions as one version", async () => {
    const t = await withSegment();
    const response = await patch(
      t,
      "seg",
      {
        version: 1,
        instructions: [
          { kind: "updateName", value: "New" },
          { kind: "addTags", values: ["c"] },
          { kind: "removeTags", values: ["a"] },
        ],
      },
      { semantic: true },
    );
    expect(response.json).toMatchObject({ name: "New", tags: ["b", "c"], version: 2 });
  });

  it("answers 409 for another version and writes nothing", async () => {
    const t = await withSegment();
    const before = await snapshot(t);
    const response = await patch(
      t,
      "seg",
      { version: 5, instructions: [{ kind: "updateName", value: "Never" }] },
      { semantic: true },
    );
    expectError(response, 409, "optimistic_locking_error");
    await expectNothingWritten(t, before);
  });

  it.each([
    [
      "an unknown instruction",
      { instructions: [{ kind: "addIncludedTargets", values: ["x"] }] },
      /instruction kind/,
    ],
    ["no instructions", { instructions: [] }, /instructions/],
    ["an empty name", { instructions: [{ kind: "updateName", value: "" }] }, /value/],
    ["a bad tag", { instructions: [{ kind: "addTags", values: ["a b"] }] }, /tag/],
    ["a JSON Patch array", [{ op: "replace", path: "/name", value: "x" }], /expected object/],
  ])("rejects %s with 400 and writes nothing", async (_case, body, message) => {
    const t = await withSegment();
    const before = await snapshot(t);
    const response = await patch(t, "seg", body, { semantic: true });
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toMatch(message);
    await expectNothingWritten(t, before);
  });
});

describe("PATCH access", () => {
  const updateNameOnly: Policy = [
    { effect: "allow", actions: ["updateName"], resources: ["proj/*:env/*:segment/*"] },
  ];

  it("checks each touched setting's action separately", async () => {
    const t = await tenant();
    await createOk(t, { key: "seg", name: "Original", tags: ["a"] });
    const token = await tokenWith(updateNameOnly);
    const before = await snapshot(t);
    // The token may not view the segment: a patch it may do none of is answered as for an unknown segment.
    const refused: [unknown, boolean, number][] = [
      [[{ op: "add", path: "/tags/-", value: "b" }], false, 404],
      [[{ op: "replace", path: "/description", value: "d" }], false, 404],
      [
        [
          { op: "replace", path: "/name", value: "n" },
          { op: "add", path: "/tags/-", value: "b" },
        ],
        false,
        403,
      ],
      [{ instructions: [{ kind: "addTags", values: ["b"] }] }, true, 404],
      [{ instructions: [{ kind: "updateDescription", value: "d" }] }, true, 404],
    ];
    for (const [body, semantic, status] of refused) {
      const answer = await patch(t, "seg", body, { token, semantic });
      expectError(answer, status, status === 404 ? "not_found" : "forbidden");
    }
    await expectNothingWritten(t, before);
    const renamed = await patch(t, "seg", [{ op: "replace", path: "/name", value: "By name only" }], {
      token,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: "By name only", tags: ["a"] });
  });

  it("lets a token limited to amplitude-* patch amplitude-x but not hightouch-y", async () => {
    const t = await tenant();
    await createOk(t, { key: "amplitude-x", name: "A" });
    await createOk(t, { key: "hightouch-y", name: "H" });
    const token = await tokenWith([
      { effect: "allow", actions: ["update*"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const body = [{ op: "replace", path: "/name", value: "Renamed" }];
    expect(await patch(t, "amplitude-x", body, { token })).toMatchObject({
      status: 200,
      json: { name: "Renamed" },
    });
    const before = await snapshot(t);
    expectError(await patch(t, "hightouch-y", body, { token }), 404, "not_found");
    await expectNothingWritten(t, before);
  });

  it("answers 401 without a valid token and 403 for a reader, writing nothing", async () => {
    const t = await tenant();
    await createOk(t, { key: "seg", name: "S" });
    const body = [{ op: "replace", path: "/name", value: "x" }];
    const reader = (await createTestToken({ role: "reader" })).value;
    const before = await snapshot(t);
    expectError(await patch(t, "seg", body, { token: null }), 401, "unauthorized");
    expectError(await patch(t, "seg", body, { token: "api-not-a-real-token" }), 401, "unauthorized");
    expectError(await patch(t, "seg", body, { token: reader }), 403, "forbidden");
    expectError(
      await patch(
        t,
        "seg",
        { instructions: [{ kind: "updateName", value: "x" }] },
        { token: reader, semantic: true },
      ),
      403,
      "forbidden",
    );
    await expectNothingWritten(t, before);
  });
});

describe("DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}", () => {
  it("deletes the segment and its members, and a re-created key gets generation 2", async () => {
    const t = await tenant();
    await createOk(t, { key: "amplitude-1", name: "Cohort", unbounded: true });
    const segment = await addMembers("amplitude-1", t, ["u1", "u2"], ["u3"]);
    const response = await remove(t, "amplitude-1");
    expect(response.status).toBe(204);
    expect(response.json).toBeNull();
    expect(await prisma.segment.findUnique({ where: { id: segment.id } })).toBeNull();
    expect(await prisma.segmentMember.count({ where: { segmentId: segment.id } })).toBe(0);
    expect(await prisma.segmentExclusion.count({ where: { segmentId: segment.id } })).toBe(0);
    expectError(await get(t, "amplitude-1"), 404, "not_found");
    expectError(await remove(t, "amplitude-1"), 404, "not_found");
    const audit = await prisma.auditEntry.findMany({
      where: { target: `proj/${t.project.key}:env/production:segment/amplitude-1` },
      orderBy: { date: "asc" },
    });
    expect(audit.map((entry) => (entry.accesses as { action: string }[])[0]?.action)).toEqual([
      "createSegment",
      "deleteSegment",
    ]);

    const recreated = await createOk(t, { key: "amplitude-1", name: "Cohort again", unbounded: true });
    expect(recreated.json).toMatchObject({
      generation: 2,
      version: 1,
      _unboundedMetadata: { includedCount: 0 },
    });
    await remove(t, "amplitude-1");
    expect((await createOk(t, { key: "amplitude-1", name: "Third" })).json).toMatchObject({ generation: 3 });
  });

  it("queues the removal of the segment's ref from the environment's enabled stores", async () => {
    const t = await tenant();
    await prisma.storeIntegration.create({
      data: { environmentId: t.environment.id, integrationKey: "redis", name: "Redis", config: {} },
    });
    await createOk(t, { key: "amplitude-1", name: "Cohort", unbounded: true });
    const segment = await addMembers("amplitude-1", t, ["u2", "u1"], ["u3"]);
    expect((await remove(t, "amplitude-1")).status).toBe(204);
    const outbox = await prisma.membershipOutbox.findMany({ where: { segmentId: segment.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ segmentRef: "amplitude-1.g1", contextKeys: ["u1", "u2", "u3"] });
  });

  it("answers 401 without a valid token, 403 to a viewer without deleteSegment, 404 to others, deleting nothing", async () => {
    const t = await tenant();
    await createOk(t, { key: "amplitude-x", name: "A" });
    await createOk(t, { key: "hightouch-y", name: "H" });
    await addMembers("hightouch-y", t, ["u1"]);
    const reader = (await createTestToken({ role: "reader" })).value;
    const renameOnly = await tokenWith([
      { effect: "allow", actions: ["update*"], resources: ["proj/*:env/*:segment/*"] },
    ]);
    const amplitudeOnly = await tokenWith([
      { effect: "allow", actions: ["deleteSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const before = await snapshot(t);
    expectError(await remove(t, "hightouch-y", null), 401, "unauthorized");
    expectError(await remove(t, "hightouch-y", "api-not-a-real-token"), 401, "unauthorized");
    expectError(await remove(t, "hightouch-y", reader), 403, "forbidden");
    expectError(await remove(t, "hightouch-y", renameOnly), 404, "not_found");
    expectError(await remove(t, "hightouch-y", amplitudeOnly), 404, "not_found");
    await expectNothingWritten(t, before);
    expect((await remove(t, "amplitude-x", amplitudeOnly)).status).toBe(204);
  });

  it("answers 404 for an unknown environment", async () => {
    const t = await tenant();
    const response = await callRoute(segmentRoute.DELETE, {
      path: `/api/v2/segments/${t.project.key}/nope/x`,
      params: { projectKey: t.project.key, environmentKey: "nope", segmentKey: "x" },
      method: "DELETE",
      token: t.writer,
    });
    expectError(response, 404, "not_found");
  });
});

describe("segments are scoped to their environment", () => {
  it("keeps keys, lists and generations per environment", async () => {
    const t = await tenant();
    const other = {
      ...t,
      params: { ...t.params, environmentKey: "test" },
      path: `/api/v2/segments/${t.project.key}/test`,
    };
    const key = unique("seg");
    await createOk(t, { key, name: "In production" });
    const inTest = await create(other, { key, name: "In test" });
    expect(inTest).toMatchObject({ status: 201, json: { generation: 1 } });
    expect(keysOf(await list(other))).toEqual([key]);
    expect((await get(other, key)).json).toMatchObject({ name: "In test" });
  });
});
