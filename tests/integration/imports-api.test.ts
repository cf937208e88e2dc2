import { describe, expect, it } from "vitest";
import * as importsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/route";
import * as importRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/route";
import * as chunksRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/chunks/route";
import * as commitRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/commit/route";
import type {
  ImportSummary,
  SegmentImportResponse,
  SegmentImportWithPreview,
} from "@/lib/schemas/segment-import";
import { prisma } from "@/lib/server/db";
import { createTestSegmentTenant, type TestSegmentTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

/** Where the imports of the tenant's segment are started. */
function importsPath(t: TestSegmentTenant) {
  return `${t.path}/imports`;
}

function start(t: TestSegmentTenant, body: unknown, token: string | null = t.token) {
  return callRoute(importsRoute.POST, { path: importsPath(t), params: t.params, token, body });
}

async function startOk(t: TestSegmentTenant, mode: "merge" | "replace", token = t.token): Promise<string> {
  const response = await start(t, { mode }, token);
  expect(response.status).toBe(201);
  const created = response.json as SegmentImportResponse;
  expect(created).toMatchObject({ mode, status: "open", received: 0, staged: 0, syncRunId: null });
  return created._id;
}

function at(t: TestSegmentTenant, importId: string, suffix = "") {
  return { path: `${importsPath(t)}/${importId}${suffix}`, params: { ...t.params, importId } };
}

function chunk(t: TestSegmentTenant, importId: string, body: unknown, token: string | null = t.token) {
  return callRoute(chunksRoute.POST, { ...at(t, importId, "/chunks"), token, body });
}

function commit(t: TestSegmentTenant, importId: string, body?: unknown, token: string | null = t.token) {
  return callRoute(commitRoute.POST, { ...at(t, importId, "/commit"), method: "POST", token, body });
}

function read(t: TestSegmentTenant, importId: string, token: string | null = t.token) {
  return callRoute(importRoute.GET, { ...at(t, importId), token });
}

async function importKeys(
  t: TestSegmentTenant,
  mode: "merge" | "replace",
  chunks: string[][],
): Promise<string> {
  const id = await startOk(t, mode);
  for (const keys of chunks) expect((await chunk(t, id, { keys })).status).toBe(200);
  return id;
}

async function membersOf(t: TestSegmentTenant): Promise<string[]> {
  const rows = await prisma.segmentMember.findMany({
    where: { segmentId: t.segment.id },
    orderBy: { contextKey: "asc" },
  });
  return rows.map((row) => row.contextKey);
}

async function includedCount(t: TestSegmentTenant): Promise<number> {
  return (await prisma.segment.findUniqueOrThrow({ where: { id: t.segment.id } })).includedCount;
}

describe("CSV import: POST .../imports, .../{id}/chunks, .../{id}/commit", () => {
  it("merges: adds new keys, counts duplicates as received, records one import sync run and an audit entry", async () => {
    const t = await createTestSegmentTenant({ members: ["a", "b"] });
    const id = await importKeys(t, "merge", [["b", "c", "c"], ["d"]]);
    const staged = (await read(t, id)).json as SegmentImportWithPreview;
    expect(staged).toMatchObject({ received: 4, staged: 3, status: "open" });
    expect(staged.preview).toEqual({
      currentCount: 2,
      toAdd: 2,
      toRemove: 0,
      unchanged: 1,
      needsConfirmation: false,
    });

    const response = await commit(t, id);
    expect(response.status).toBe(200);
    const summary = response.json as ImportSummary;
    expect(summary).toEqual({
      syncRunId: expect.any(String),
      status: "succeeded",
      received: 4,
      added: 2,
      removed: 0,
      unchanged: 1,
      skipped: 0,
      skippedRows: [],
      includedCount: 4,
    });
    expect(await membersOf(t)).toEqual(["a", "b", "c", "d"]);
    expect(await includedCount(t)).toBe(4);

    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: summary.syncRunId } });
    expect(run).toMatchObject({
      source: "import",
      status: "succeeded",
      segmentKeys: ["beta"],
      added: 2,
      received: 4,
    });
    expect(run.tokenId).not.toBeNull();
    const member = await prisma.segmentMember.findUniqueOrThrow({
      where: { segmentId_contextKey: { segmentId: t.segment.id, contextKey: "c" } },
    });
    expect(member.syncRunId).toBe(summary.syncRunId);
    const audit = await prisma.auditEntry.findMany({
      where: { target: { startsWith: `proj/${t.project.key}:` }, kind: "sync" },
    });
    expect(audit.map((entry) => entry.description)).toContainEqual(expect.stringContaining("Imported a CSV"));
    expect(((await read(t, id)).json as SegmentImportWithPreview).status).toBe("committed");
  });

  it("replaces: the file's keys become the members", async () => {
    const t = await createTestSegmentTenant({ members: ["a", "b", "c"] });
    const id = await importKeys(t, "replace", [["b", "c", "d"]]);
    const summary = (await commit(t, id, {})).json as ImportSummary;
    expect(summary).toMatchObject({
      received: 3,
      added: 1,
      removed: 1,
      unchanged: 2,
      skipped: 0,
      includedCount: 3,
    });
    expect(await membersOf(t)).toEqual(["b", "c", "d"]);
  });

  it("refuses a replace that removes more than half with 409, writes nothing, then applies it when confirmed", async () => {
    const t = await createTestSegmentTenant({ members: ["a", "b", "c", "d"] });
    const id = await importKeys(t, "replace", [["d", "e"]]);
    const preview = ((await read(t, id)).json as SegmentImportWithPreview).preview;
    expect(preview).toEqual({
      currentCount: 4,
      toAdd: 1,
      toRemove: 3,
      unchanged: 1,
      needsConfirmation: true,
    });
    const runsBefore = await prisma.syncRun.count({ where: { environmentId: t.environment.id } });

    const refused = await commit(t, id);
    expectError(refused, 409, "conflict");
    expect((refused.json as { message: string }).message).toContain("removes 3 of 4 members");
    expect(await membersOf(t)).toEqual(["a", "b", "c", "d"]);
    expect(await prisma.syncRun.count({ where: { environmentId: t.environment.id } })).toBe(runsBefore);

    expectError(await commit(t, id, { confirm: false }), 409, "conflict");
    const confirmed = await commit(t, id, { confirm: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({ added: 1, removed: 3, unchanged: 1, includedCount: 2 });
    expect(await membersOf(t)).toEqual(["d", "e"]);
  });

  it("applies a replace that removes exactly half without confirmation", async () => {
    const t = await createTestSegmentTenant({ members: ["a", "b", "c", "d"] });
    const id = await importKeys(t, "replace", [["a", "b"]]);
    expect((await commit(t, id)).json).toMatchObject({ removed: 2, unchanged: 2 });
  });

  it("commits once: a second commit, a late chunk or a discard are 409", async () => {
    const t = await createTestSegmentTenant();
    const id = await importKeys(t, "merge", [["x"]]);
    expect((await commit(t, id)).status).toBe(200);
    const again = await commit(t, id);
    expectError(again, 409, "conflict");
    expect((again.json as { message: string }).message).toContain("already committed");
    expectError(await chunk(t, id, { keys: ["y"] }), 409, "conflict");
    expectError(
      await callRoute(importRoute.DELETE, { ...at(t, id), method: "DELETE", token: t.token }),
      409,
      "conflict",
    );
    expect(await membersOf(t)).toEqual(["x"]);
    expect(await prisma.syncRun.count({ where: { environmentId: t.environment.id, source: "import" } })).toBe(
      1,
    );
  });

  it("discards an open import: nothing applied, and the id is gone", async () => {
    const t = await createTestSegmentTenant({ members: ["a"] });
    const id = await importKeys(t, "replace", [["z"]]);
    const discarded = await callRoute(importRoute.DELETE, {
      ...at(t, id),
      method: "DELETE",
      token: t.token,
    });
    expect(discarded.status).toBe(204);
    expectError(await commit(t, id), 404, "not_found");
    expect(await membersOf(t)).toEqual(["a"]);
  });

  it("refuses to import into a synced segment", async () => {
    const t = await createTestSegmentTenant({ members: ["a"], synced: true });
    const response = await start(t, { mode: "merge" });
    expectError(response, 409, "conflict");
    expect((response.json as { message: string }).message).toContain("owned by the integration");
  });

  it.each([
    ["a number", { keys: ["ok", 42] }],
    ["fewer line numbers than keys", { keys: ["ok", "also"], lines: [2] }],
    ["no keys", { keys: [] }],
    ["more than 10,000 keys", { keys: Array.from({ length: 10_001 }, (_, i) => `k${i}`) }],
    ["no keys field", { ids: ["a"] }],
  ])("answers 400 to a chunk with %s and stages none of it", async (_name, body) => {
    const t = await createTestSegmentTenant();
    const id = await importKeys(t, "merge", [["first"]]);
    expectError(await chunk(t, id, body), 400, "invalid_request");
    expect((await read(t, id)).json).toMatchObject({ received: 1, staged: 1 });
    expect((await commit(t, id)).json).toMatchObject({ received: 1, added: 1 });
    expect(await membersOf(t)).toEqual(["first"]);
  });

  it("answers 400 to a bad mode or a body that is not JSON", async () => {
    const t = await createTestSegmentTenant();
    expectError(await start(t, { mode: "append" }), 400, "invalid_request");
    expectError(await start(t, {}), 400, "invalid_request");
    const notJson = await callRoute(importsRoute.POST, {
      path: importsPath(t),
      params: t.params,
      token: t.token,
      rawBody: "mode=merge",
      headers: { "content-type": "application/json" },
    });
    expectError(notJson, 400, "invalid_request");
    const id = await startOk(t, "merge");
    expectError(await commit(t, id, { confirm: "yes" }), 400, "invalid_request");
  });

  it("answers 404 for an unknown, malformed or someone else's import, and for an unknown segment", async () => {
    const t = await createTestSegmentTenant();
    const id = await startOk(t, "merge");
    expectError(await chunk(t, "6c1f0e1a-0000-4000-8000-000000000000", { keys: ["a"] }), 404, "not_found");
    expectError(await chunk(t, "not-a-uuid", { keys: ["a"] }), 404, "not_found");
    const { value: otherWriter } = await createTestToken({ role: "writer" });
    expectError(await chunk(t, id, { keys: ["a"] }, otherWriter), 404, "not_found");
    expectError(await commit(t, id, undefined, otherWriter), 404, "not_found");
    expectError(await read(t, id, otherWriter), 404, "not_found");
    const missing = { ...t.params, segmentKey: "nope" };
    expectError(
      await callRoute(importsRoute.POST, {
        path: importsPath(t),
        params: missing,
        token: t.token,
        body: { mode: "merge" },
      }),
      404,
      "not_found",
    );
  });

  it("answers 401 without a token and 403 without updateIncluded", async () => {
    const t = await createTestSegmentTenant();
    const id = await startOk(t, "merge");
    expectError(await start(t, { mode: "merge" }, null), 401, "unauthorized");
    expectError(await chunk(t, id, { keys: ["a"] }, null), 401, "unauthorized");
    expectError(await commit(t, id, undefined, null), 401, "unauthorized");

    const { value: reader } = await createTestToken({ role: "reader" });
    const viewOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/*"] },
    ]);
    for (const token of [reader, viewOnly]) {
      expectError(await start(t, { mode: "merge" }, token), 403, "forbidden");
      expectError(await chunk(t, id, { keys: ["a"] }, token), 403, "forbidden");
      expectError(await commit(t, id, undefined, token), 403, "forbidden");
    }
    const importer = await createTestPolicyToken([
      {
        effect: "allow",
        actions: ["updateIncluded"],
        resources: [`proj/${t.project.key}:env/production:segment/beta`],
      },
    ]);
    const own = await startOk(t, "merge", importer);
    expect((await chunk(t, own, { keys: ["a"] }, importer)).status).toBe(200);
    expect((await commit(t, own, undefined, importer)).status).toBe(200);
    expect(await membersOf(t)).toEqual(["a"]);
  });

  it("imports 25,000 keys in chunks of 10,000 as one sync run", async () => {
    const t = await createTestSegmentTenant({ members: ["old"] });
    const keys = Array.from({ length: 25_000 }, (_, i) => `key-${i}`);
    const id = await importKeys(t, "replace", [
      keys.slice(0, 10_000),
      keys.slice(10_000, 20_000),
      keys.slice(20_000),
    ]);
    const summary = (await commit(t, id, { confirm: true })).json as ImportSummary;
    expect(summary).toMatchObject({
      received: 25_000,
      added: 25_000,
      removed: 1,
      unchanged: 0,
      includedCount: 25_000,
    });
    expect(await includedCount(t)).toBe(25_000);
    expect(await prisma.syncRun.count({ where: { environmentId: t.environment.id, source: "import" } })).toBe(
      1,
    );
  });
});
