import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestTenant } from "@/tests/factories/tenants";
import { amplitude, census, push, segmentOf, sha8 } from "@/tests/support/partner-pushes";

describe("partner pushes: segment settings", () => {
  it("renames the segment when the cohort is renamed, bumping version once", async () => {
    const { production, token } = await createTestTenant();
    const member = [{ userId: "a", value: true }];
    await push("amplitude", token, amplitude(production.clientSideId, member, { cohortName: "Old" }));
    expect(await segmentOf(production.id, "amplitude-c1")).toMatchObject({ name: "Old", version: 1 });

    await push("amplitude", token, amplitude(production.clientSideId, member, { cohortName: "New" }));
    const renamed = await segmentOf(production.id, "amplitude-c1");
    expect(renamed).toMatchObject({ name: "New", version: 2 });

    await push("amplitude", token, amplitude(production.clientSideId, member, { cohortName: "New" }));
    expect(await segmentOf(production.id, "amplitude-c1")).toMatchObject({ name: "New", version: 2 });
    const audit = await prisma.auditEntry.findMany({ where: { kind: "sync", name: "New" } });
    expect(audit.some((entry) => entry.description.includes('from "Old" to "New"'))).toBe(true);
  });

  it("keeps a name edited by hand", async () => {
    const { production, token } = await createTestTenant();
    const member = [{ userId: "a", value: true }];
    await push("amplitude", token, amplitude(production.clientSideId, member, { cohortName: "Tool name" }));
    await prisma.segment.update({
      where: { environmentId_key: { environmentId: production.id, key: "amplitude-c1" } },
      data: { name: "Our name", nameEditedByHand: true, version: { increment: 1 } },
    });
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, member, { cohortName: "Renamed in tool" }),
    );
    expect(await segmentOf(production.id, "amplitude-c1")).toMatchObject({ name: "Our name", version: 2 });
  });

  it("sets the description only at creation, follows the cohort URL without a version bump", async () => {
    const { production, token } = await createTestTenant();
    const member = [{ userId: "a", value: true }];
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, member, {
        cohortDescription: "From the tool",
        cohortUrl: "https://analytics.example.com/old",
      }),
    );
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, member, {
        cohortDescription: "Changed in the tool",
        cohortUrl: "https://analytics.example.com/new",
      }),
    );
    expect(await segmentOf(production.id, "amplitude-c1")).toMatchObject({
      description: "From the tool",
      externalLink: "https://analytics.example.com/new",
      version: 1,
    });
  });

  it("names the segment after the cohort id when no name is sent", async () => {
    const { production, token } = await createTestTenant();
    await push("hightouch", token, {
      environmentId: production.clientSideId,
      cohortId: "ht-9",
      action: "add",
      members: [{ integration_distinct_id: "m" }],
    });
    expect(await segmentOf(production.id, "hightouch-ht-9")).toMatchObject({
      name: "ht-9",
      description: null,
    });
  });

  it("appends a hash when the derived key is taken, and uses the next generation of a key", async () => {
    const { production, token } = await createTestTenant();
    await createTestSegment(production, { key: "amplitude-c1" });
    await prisma.segmentGeneration.create({
      data: { environmentId: production.id, key: "amplitude-c2", generation: 3 },
    });
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: true },
        { userId: "b", value: true, cohortId: "c2" },
      ]),
    );
    const hashed = await segmentOf(production.id, `amplitude-c1-${sha8("c1")}`);
    expect(hashed).toMatchObject({ external: "amplitude", externalCohortId: "c1", generation: 1 });
    expect(await segmentOf(production.id, "amplitude-c2")).toMatchObject({ generation: 4 });
    const generation = await prisma.segmentGeneration.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: production.id, key: "amplitude-c2" } },
    });
    expect(generation.generation).toBe(4);
  });

  it("creates segments of the payload's context kind", async () => {
    const { production, token } = await createTestTenant();
    expect(
      (await push("census-synced-segments", token, census(production.clientSideId, "account", ["a"]))).status,
    ).toBe(204);
    expect(await segmentOf(production.id, "census-synced-segments-model-1")).toMatchObject({
      unboundedContextKind: "account",
    });
  });
});
