import { describe, expect, it } from "vitest";
import * as importsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/route";
import * as chunksRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/chunks/route";
import * as commitRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/commit/route";
import { MAX_IMPORT_SKIPPED_ROWS, type SegmentImportResponse } from "@/lib/schemas/segment-import";
import { importSummarySchema, segmentImportSchema } from "@/lib/schemas/segment-import";
import { prisma } from "@/lib/server/db";
import { createTestSegmentTenant, type TestSegmentTenant } from "@/tests/factories/tenants";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

async function start(t: TestSegmentTenant, mode: "merge" | "replace"): Promise<string> {
  const response = await callRoute(importsRoute.POST, {
    path: `${t.path}/imports`,
    params: t.params,
    token: t.token,
    body: { mode },
  });
  expect(response.status).toBe(201);
  return (response.json as SegmentImportResponse)._id;
}

function at(t: TestSegmentTenant, importId: string, suffix: string) {
  return { path: `${t.path}/imports/${importId}${suffix}`, params: { ...t.params, importId } };
}

function chunk(t: TestSegmentTenant, importId: string, body: unknown) {
  return callRoute(chunksRoute.POST, { ...at(t, importId, "/chunks"), token: t.token, body });
}

function commit(t: TestSegmentTenant, importId: string) {
  return callRoute(commitRoute.POST, {
    ...at(t, importId, "/commit"),
    method: "POST",
    token: t.token,
    body: {},
  });
}

async function members(t: TestSegmentTenant): Promise<string[]> {
  const rows = await prisma.segmentMember.findMany({
    where: { segmentId: t.segment.id },
    orderBy: { contextKey: "asc" },
  });
  return rows.map((row) => row.contextKey);
}

describe("CSV import: rows that are not valid context keys", () => {
  it("are skipped and counted with their file line, the good rows imported, and the sync run lists them", async () => {
    const t = await createTestSegmentTenant({ members: ["old"] });
    const id = await start(t, "merge");
    const staged = await chunk(t, id, {
      keys: ["a", "", "b\u0007", "k".repeat(513), "c"],
      lines: [2, 3, 5, 6, 9],
    });
    expect(staged.status).toBe(200);
    expect(segmentImportSchema.parse(staged.json)).toMatchObject({ received: 5, staged: 2, skipped: 3 });

    const response = await commit(t, id);
    expect(response.status).toBe(200);
    const summary = importSummarySchema.parse(response.json);
    expect(summary).toMatchObject({ status: "partially_applied", received: 5, added: 2, skipped: 3 });
    expect(summary.skippedRows).toEqual([
      { id: "", reason: "empty", position: 3 },
      { id: "b\u0007", reason: "contains control characters", position: 5 },
      { id: "k".repeat(64), reason: "longer than 512 characters", position: 6 },
    ]);
    expect(await members(t)).toEqual(["a", "c", "old"]);
    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: summary.syncRunId } });
    expect(run).toMatchObject({ source: "import", status: "partially_applied", received: 5, skipped: 3 });
    expect(run.skippedMembers).toEqual(summary.skippedRows);
  });

  it("number their position among all keys sent when the uploader sends no lines", async () => {
    const t = await createTestSegmentTenant();
    const id = await start(t, "merge");
    expect((await chunk(t, id, { keys: ["a", "b"] })).status).toBe(200);
    expect((await chunk(t, id, { keys: ["", "c"] })).status).toBe(200);
    const summary = importSummarySchema.parse((await commit(t, id)).json);
    expect(summary.skippedRows).toEqual([{ id: "", reason: "empty", position: 3 }]);
    expect(await members(t)).toEqual(["a", "b", "c"]);
  });

  it(`refuses a chunk that would skip more than ${MAX_IMPORT_SKIPPED_ROWS} rows, and stages none of it`, async () => {
    const t = await createTestSegmentTenant();
    const id = await start(t, "merge");
    expect((await chunk(t, id, { keys: Array.from({ length: 10_000 }, () => "") })).status).toBe(200);
    const refused = await chunk(t, id, { keys: ["ok", ""] });
    expectError(refused, 400, "invalid_request");
    expect((refused.json as { message: string }).message).toContain("at most 10,000 rows");
    const summary = importSummarySchema.parse((await commit(t, id)).json);
    expect(summary).toMatchObject({ received: 10_000, added: 0, skipped: 10_000 });
    expect(summary.skippedRows).toHaveLength(100);
  });
});
