import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/members/export/route";
import * as importsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/route";
import * as chunksRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/chunks/route";
import * as commitRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/commit/route";
import { readCsvKeys } from "@/app/(dashboard)/[projectKey]/[environmentKey]/segments/[segmentKey]/members/_components/read-csv-keys";
import type { SegmentImportResponse } from "@/lib/schemas/segment-import";
import { prisma } from "@/lib/server/db";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { getMembershipSegmentOrThrow } from "@/lib/server/membership/get-membership-segment-or-throw";
import { pushContextChanges } from "@/lib/server/membership/push-context-changes";
import { createSegment } from "@/lib/server/segments/create-segment";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";

const FORMULA_KEYS = ["=cmd|' /C calc'!A0", "+1", "-1", "@x", "\tx", "'=x"];

async function segmentWith(projectKey: string, segmentKey: string, keys: string[]) {
  const environment = await getEnvironmentOrThrow(projectKey, "production");
  await createSegment(null, environment, { key: segmentKey, name: segmentKey });
  const segment = await getMembershipSegmentOrThrow(projectKey, "production", segmentKey);
  if (keys.length > 0) {
    await pushContextChanges({
      segment,
      principal: null,
      change: { included: { add: keys } },
      source: "contexts",
    });
  }
  const params = { projectKey, environmentKey: "production", segmentKey };
  return { segment, params, path: `/api/v2/segments/${projectKey}/production/${segmentKey}` };
}

type Target = Awaited<ReturnType<typeof segmentWith>>;

async function exportText(source: Target, token: string): Promise<string> {
  const response = await callRoute(exportRoute.GET, {
    path: `${source.path}/members/export`,
    params: source.params,
    token,
  });
  expect(response.status).toBe(200);
  if (typeof response.json !== "string") throw new Error("the export is not CSV text");
  return response.json;
}

/** Imports a file the way the dashboard does: its CSV reader, then the import API's chunks and commit. */
async function importFile(target: Target, token: string, file: File): Promise<void> {
  const started = await callRoute(importsRoute.POST, {
    path: `${target.path}/imports`,
    params: target.params,
    token,
    body: { mode: "merge" },
  });
  expect(started.status).toBe(201);
  const importId = (started.json as SegmentImportResponse)._id;
  const params = { ...target.params, importId };
  await readCsvKeys(file, async ({ keys }) => {
    const chunk = await callRoute(chunksRoute.POST, {
      path: `${target.path}/imports/${importId}/chunks`,
      params,
      token,
      body: { keys },
    });
    expect(chunk.status).toBe(200);
  });
  const committed = await callRoute(commitRoute.POST, {
    path: `${target.path}/imports/${importId}/commit`,
    params,
    method: "POST",
    token,
  });
  expect(committed.status).toBe(200);
}

async function membersOf(target: Target): Promise<string[]> {
  const rows = await prisma.segmentMember.findMany({ where: { segmentId: target.segment.id } });
  return rows.map((row) => row.contextKey).sort();
}

describe("members CSV export and import", () => {
  it("escapes keys a spreadsheet would read as formulas", async () => {
    const { project } = await createTestProject();
    const source = await segmentWith(project.key, "beta", [...FORMULA_KEYS, "plain"]);
    const { value: reader } = await createTestToken({ role: "reader" });
    const cells = (await exportText(source, reader))
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => line.replace(/,\d{4}-\d\d-\d\dT[\d:.]+Z$/, ""));
    expect(cells.sort()).toEqual(
      ["'=cmd|' /C calc'!A0", "'+1", "'-1", "'@x", "'\tx", "''=x", "plain"].sort(),
    );
  });

  it("imports an exported file back to exactly the keys it was made from", async () => {
    const { project } = await createTestProject();
    // A key with a tab cannot be imported: the API refuses control characters in every key it is sent.
    const keys = [
      ...FORMULA_KEYS.filter((key) => key !== "\tx"),
      "''",
      "'",
      "'a",
      "plain",
      'a,"b"',
      " padded ",
      "é€",
    ];
    const source = await segmentWith(project.key, "beta", keys);
    const target = await segmentWith(project.key, "gamma", []);
    const { value: writer } = await createTestToken({ role: "writer" });
    const file = new File([await exportText(source, writer)], "beta-members.csv", { type: "text/csv" });
    await importFile(target, writer, file);
    expect(await membersOf(target)).toEqual([...keys].sort());
  });
});
