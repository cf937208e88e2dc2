import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { createProject } from "@/lib/server/projects/create-project";
import { seedDemoSegments } from "@/lib/server/seed/seed-demo-segments";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { unique } from "@/tests/factories/unique";

describe("seedDemoSegments", () => {
  it("pushes one synced segment per integration through the engine, each with members and a history", async () => {
    const key = unique("demo");
    await createProject(null, { key, name: "Demo" });
    await seedDemoSegments(key, "production");

    const environment = await prisma.environment.findFirstOrThrow({
      where: { key: "production", project: { key } },
    });
    const segments = await prisma.segment.findMany({
      where: { environmentId: environment.id },
      include: { syncRunSegments: true },
      orderBy: { key: "asc" },
    });
    expect(segments.map((segment) => segment.external).sort()).toEqual(Object.keys(INTEGRATIONS).sort());
    for (const segment of segments) {
      const members = await prisma.segmentMember.count({ where: { segmentId: segment.id } });
      expect(members).toBeGreaterThanOrEqual(20);
      expect(members).toBeLessThanOrEqual(200);
      expect(segment).toMatchObject({ unbounded: true, includedCount: members, lastSyncStatus: "succeeded" });
      expect(segment.syncRunSegments.length).toBeGreaterThanOrEqual(2);
      expect(segment.syncRunSegments.some((run) => run.removed > 0)).toBe(true);
      // Tagged as a person would have, so the dashboard's tag filter has something to find; not "edited by hand".
      expect(segment.tags.length).toBeGreaterThan(0);
      expect(segment.tagsEditedByHand).toBe(false);
    }
    const marketing = segments.filter((segment) => segment.tags.includes("marketing"));
    expect(marketing.map((segment) => segment.external).sort()).toEqual([
      "tealium-synced-segments",
      "zeotap",
    ]);
    const runs = await prisma.syncRun.findMany({ where: { environmentId: environment.id } });
    expect(runs.every((run) => run.status === "succeeded" && run.tokenId === null)).toBe(true);
    expect(await prisma.auditEntry.count({ where: { kind: "sync", memberEmail: "system" } })).toBe(
      runs.length,
    );
  });
});
