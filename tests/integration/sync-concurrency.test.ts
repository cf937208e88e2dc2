import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { prisma } from "@/lib/server/db";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";

const PUSHES = 8;

function range(prefix: string, from: number, to: number): string[] {
  return Array.from(
    { length: to - from },
    (_, index) => `${prefix}-${String(from + index).padStart(5, "0")}`,
  );
}

function rudderstack(environmentId: string, add: string[], remove: string[]) {
  const cohort = { environmentId, cohortId: "busy", cohortName: "Busy" };
  return buildPartnerPayloads(INTEGRATIONS.rudderstack, cohort, { add, remove })[0];
}

function push(token: string, body: unknown) {
  return callRoute(segmentTargetsRoute.POST, {
    path: "/api/v2/segment-targets/rudderstack",
    params: { integrationKey: "rudderstack" },
    token,
    body,
  });
}

async function counted(segmentId: number) {
  const segment = await prisma.segment.findUniqueOrThrow({ where: { id: segmentId } });
  const rows = await prisma.segmentMember.findMany({ where: { segmentId }, select: { contextKey: true } });
  return { includedCount: segment.includedCount, keys: rows.map((row) => row.contextKey).sort() };
}

describe("concurrent partner pushes", () => {
  it("end with exactly the expected members and a counter equal to count(*)", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({ role: "writer" });
    const old = range("old", 0, 200);
    expect((await push(value, rudderstack(production.clientSideId, old, []))).status).toBe(204);

    // Push i adds new keys [150i, 150i + 400) and removes old keys [20i, 20i + 40): both overlap with the neighbours.
    const batches = Array.from({ length: PUSHES }, (_, i) => ({
      add: range("new", 150 * i, 150 * i + 400),
      remove: range("old", 20 * i, 20 * i + 40),
    }));
    const responses = await Promise.all(
      batches.map((batch) => push(value, rudderstack(production.clientSideId, batch.add, batch.remove))),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(PUSHES).fill(204));

    const added = new Set(batches.flatMap((batch) => batch.add));
    const removed = new Set(batches.flatMap((batch) => batch.remove));
    const expected = [...added, ...old.filter((key) => !removed.has(key))].sort();
    const segment = await prisma.segment.findFirstOrThrow({
      where: { environmentId: production.id, key: "rudderstack-busy" },
    });
    const { includedCount, keys } = await counted(segment.id);
    expect(keys).toEqual(expected);
    expect(includedCount).toBe(expected.length);

    // Every key was added once and removed once across the runs, whatever order they committed in.
    const runs = await prisma.syncRun.findMany({ where: { environmentId: production.id } });
    expect(runs).toHaveLength(PUSHES + 1);
    const concurrent = runs.filter((run) => run.received !== old.length);
    expect(concurrent.reduce((total, run) => total + run.added, 0)).toBe(added.size);
    expect(concurrent.reduce((total, run) => total + run.removed, 0)).toBe(removed.size);
  });

  it("create one segment when parallel pushes race to create it", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({ role: "writer" });
    const batches = Array.from({ length: PUSHES }, (_, i) => range("k", 50 * i, 50 * i + 100));
    const responses = await Promise.all(
      batches.map((batch) => push(value, rudderstack(production.clientSideId, batch, []))),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(PUSHES).fill(204));
    const segments = await prisma.segment.findMany({ where: { environmentId: production.id } });
    expect(segments).toHaveLength(1);
    const [segment] = segments;
    if (!segment) throw new Error("no segment");
    expect(segment.generation).toBe(1);
    const expected = [...new Set(batches.flat())].sort();
    const { includedCount, keys } = await counted(segment.id);
    expect(keys).toEqual(expected);
    expect(includedCount).toBe(expected.length);
  });
});
