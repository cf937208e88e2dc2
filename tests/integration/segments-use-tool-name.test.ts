import { describe, expect, it } from "vitest";
import * as useToolNameRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/use-tool-name/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant, segmentRoute, type TestTenant } from "@/tests/factories/tenants";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { amplitude, push, segmentOf } from "@/tests/support/partner-pushes";
import { getSegment, patchSegment } from "@/tests/support/segments-api";

const KEY = "amplitude-c1";
const member = [{ userId: "a", value: true }];

function useToolName(t: TestTenant, body: unknown = {}, token: string | null = t.token, key = KEY) {
  return callRoute(useToolNameRoute.POST, { ...segmentRoute(t.project.key, key), token, body });
}

/** A synced segment the tool named "Tool name", then renamed by hand to "Our name" through the API. */
async function renamedByHand() {
  const t = await createTestTenant();
  await push("amplitude", t.token, amplitude(t.production.clientSideId, member, { cohortName: "Tool name" }));
  const renamed = await patchSegment(t, KEY, [{ op: "replace", path: "/name", value: "Our name" }]);
  expect(renamed.status).toBe(200);
  return t;
}

const syncNamed = (t: TestTenant, cohortName: string) =>
  push("amplitude", t.token, amplitude(t.production.clientSideId, member, { cohortName }));

describe("POST .../segments/{p}/{e}/{s}/use-tool-name", () => {
  it("shows the tool's current name while a hand-made name overrides it", async () => {
    const t = await renamedByHand();
    await syncNamed(t, "Renamed in tool");
    const segment = await getSegment(t, KEY);
    expect(segment.json).toMatchObject({
      name: "Our name",
      _externalName: "Renamed in tool",
      _editedByHand: { name: true },
    });
  });

  it("a sync before the revert keeps the hand-made name; after it, syncs rename the segment again", async () => {
    const t = await renamedByHand();
    await syncNamed(t, "Second tool name");
    expect(await segmentOf(t.production.id, KEY)).toMatchObject({ name: "Our name" });

    const response = await useToolName(t, { comment: "back to the cohort's name" });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ name: "Second tool name", _editedByHand: { name: false } });

    await syncNamed(t, "Third tool name");
    expect(await segmentOf(t.production.id, KEY)).toMatchObject({
      name: "Third tool name",
      nameEditedByHand: false,
      externalName: "Third tool name",
    });
  });

  it("records who handed the name back, with the names before and after", async () => {
    const t = await renamedByHand();
    const before = await segmentOf(t.production.id, KEY);
    await useToolName(t, { comment: "why" });
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { description: { startsWith: `Handed the name of segment ${KEY} back to amplitude` } },
      orderBy: { date: "desc" },
    });
    expect(entry).toMatchObject({
      kind: "segment",
      comment: "why",
      previousVersion: { name: "Our name", nameEditedByHand: true, version: before?.version },
      currentVersion: { name: "Tool name", nameEditedByHand: false, version: (before?.version ?? 0) + 1 },
    });
    expect(entry.target).toContain(`segment/${KEY}`);
  });

  it("answers a name that already follows the tool unchanged, writing nothing", async () => {
    const t = await createTestTenant();
    await syncNamed(t, "Tool name");
    const before = await segmentOf(t.production.id, KEY);
    const response = await useToolName(t);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ name: "Tool name", version: before?.version });
    expect(
      await prisma.auditEntry.count({
        where: { description: { startsWith: "Handed the name" }, target: { contains: t.project.key } },
      }),
    ).toBe(0);
  });

  it("refuses bad input with the error body and writes nothing", async () => {
    const t = await renamedByHand();
    const before = await segmentOf(t.production.id, KEY);
    expectError(await useToolName(t, { comment: 5 }), 400, "invalid_request");
    expectError(await useToolName(t, { name: "x" }), 400, "invalid_request");
    await prisma.segment.create({
      data: { environmentId: t.production.id, key: "local", name: "Local", nameEditedByHand: true },
    });
    const local = await useToolName(t, {}, t.token, "local");
    expectError(local, 400, "invalid_request");
    expect(JSON.stringify(local.json)).toContain("not synced");
    expectError(await useToolName(t, {}, t.token, "missing"), 404, "not_found");
    expect(await segmentOf(t.production.id, KEY)).toEqual(before);
    expect(await segmentOf(t.production.id, "local")).toMatchObject({
      name: "Local",
      nameEditedByHand: true,
    });
  });

  it("answers 401 without a token and 403 to a reader, writing nothing", async () => {
    const t = await renamedByHand();
    const before = await segmentOf(t.production.id, KEY);
    expectError(await useToolName(t, {}, null), 401, "unauthorized");
    const reader = await createTestToken({ role: "reader" });
    expectError(await useToolName(t, {}, reader.value), 403, "forbidden");
    expect(await segmentOf(t.production.id, KEY)).toEqual(before);
  });
});
