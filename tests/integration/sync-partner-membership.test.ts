import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import {
  amplitude,
  type Member,
  latestRun,
  memberKeys,
  push,
  segmentOf,
  snapshot,
} from "@/tests/support/partner-pushes";

describe("partner pushes: membership semantics", () => {
  it("applies per-member cohorts to two segments in one run with one audit entry", async () => {
    const { project, production, token } = await createTestTenant();
    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: true },
        { userId: "b", value: true, cohortId: "c2", cohortName: "Cohort two" },
        { userId: "c", value: true, cohortId: "c2", cohortName: "Cohort two" },
      ]),
    );
    expect(response.status).toBe(204);
    const one = await segmentOf(production.id, "amplitude-c1");
    const two = await segmentOf(production.id, "amplitude-c2");
    expect(one.name).toBe("Cohort one");
    expect(two.name).toBe("Cohort two");
    expect(await memberKeys(one.id)).toEqual(["a"]);
    expect(await memberKeys(two.id)).toEqual(["b", "c"]);
    const runs = await prisma.syncRun.findMany({
      where: { environmentId: production.id },
      include: { segments: true },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]?.segmentKeys).toEqual(["amplitude-c1", "amplitude-c2"]);
    expect(runs[0]).toMatchObject({ received: 3, added: 3, includedCountAfter: 3 });
    expect(runs[0]?.segments.map((row) => [row.segmentId, row.added]).sort()).toEqual(
      [
        [one.id, 1],
        [two.id, 2],
      ].sort(),
    );
    const audit = await prisma.auditEntry.findMany({
      where: { kind: "sync", target: { startsWith: `proj/${project.key}:` } },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target).toBe(`proj/${project.key}:env/production`);
  });

  it("applies a mode A request's items in order (the last per key decides), and mode B's adds before its removes", async () => {
    const { production, token } = await createTestTenant();
    await push("amplitude", token, amplitude(production.clientSideId, [{ userId: "k", value: true }]));
    const segment = await segmentOf(production.id, "amplitude-c1");
    expect(await memberKeys(segment.id)).toEqual(["k"]);

    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "k", value: true },
        { userId: "k", value: false },
        { userId: "n", value: false },
        { userId: "n", value: true },
      ]),
    );
    expect(response.status).toBe(204);
    // k leaves (it was a member: removed); n leaves and rejoins (it was not: added). Counts are the net effect.
    expect(await memberKeys(segment.id)).toEqual(["n"]);
    expect((await segmentOf(production.id, "amplitude-c1")).includedCount).toBe(1);
    expect(await latestRun(production.id)).toMatchObject({ received: 4, added: 1, removed: 1, unchanged: 0 });

    // A member who leaves and rejoins stays a member, unchanged.
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "n", value: false },
        { userId: "n", value: true },
      ]),
    );
    expect(await memberKeys(segment.id)).toEqual(["n"]);
    expect(await latestRun(production.id)).toMatchObject({ received: 2, added: 0, removed: 0, unchanged: 1 });

    await push("rudderstack", token, {
      environmentId: production.clientSideId,
      cohortId: "r1",
      listData: { add: [{ id: "x" }, { id: "y" }], remove: [{ id: "x" }] },
    });
    expect(await memberKeys((await segmentOf(production.id, "rudderstack-r1")).id)).toEqual(["y"]);
  });

  it("counts a key added twice once", async () => {
    const { production, token } = await createTestTenant();
    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: true },
        { userId: "a", value: true },
        { userId: "b", value: true },
      ]),
    );
    expect(response.status).toBe(204);
    const segment = await segmentOf(production.id, "amplitude-c1");
    expect(await memberKeys(segment.id)).toEqual(["a", "b"]);
    expect(segment.includedCount).toBe(2);
    expect(await latestRun(production.id)).toMatchObject({ received: 3, added: 2, unchanged: 0 });
  });

  it("uses a numeric member id as its decimal string", async () => {
    const { production, token } = await createTestTenant();
    await push("amplitude", token, amplitude(production.clientSideId, [{ userId: 12345, value: true }]));
    expect(await memberKeys((await segmentOf(production.id, "amplitude-c1")).id)).toEqual(["12345"]);
  });

  it("skips and records members without a usable id, applies the rest, and still answers 204", async () => {
    const { production, token } = await createTestTenant();
    const tooLong = "x".repeat(513);
    const longest = "😀".repeat(512);
    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { value: true },
        { userId: "", value: true },
        { userId: tooLong, value: true },
        { userId: "bad\u0001key", value: true },
        { userId: { id: 1 }, value: true },
        { userId: longest, value: true },
        { userId: "ok", value: true },
      ]),
    );
    expect(response.status).toBe(204);
    const segment = await segmentOf(production.id, "amplitude-c1");
    expect(await memberKeys(segment.id)).toEqual(["ok", longest]);
    expect(segment.lastSyncStatus).toBe("partially_applied");
    const run = await latestRun(production.id);
    expect(run).toMatchObject({
      status: "partially_applied",
      received: 7,
      added: 2,
      skipped: 5,
      skippedTruncated: false,
    });
    expect(run.skippedMembers).toEqual([
      { id: "", reason: "missing id", position: 1 },
      { id: "", reason: "empty", position: 2 },
      { id: "x".repeat(64), reason: "longer than 512 characters", position: 3 },
      { id: "bad\u0001key", reason: "contains control characters", position: 4 },
      { id: '{"id":1}', reason: "not a string", position: 5 },
    ]);
  });

  it("lists at most 100 skipped members and says so", async () => {
    const { production, token } = await createTestTenant();
    const members: Member[] = Array.from({ length: 150 }, () => ({ userId: "", value: true }));
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [...members, { userId: "a", value: true }]),
    );
    const run = await latestRun(production.id);
    expect(run.skipped).toBe(150);
    expect(run.skippedTruncated).toBe(true);
    expect(run.skippedMembers).toHaveLength(100);
  });

  it("changes nothing when the same request is sent again", async () => {
    const { production, token } = await createTestTenant();
    const body = amplitude(
      production.clientSideId,
      [
        { userId: "a", value: true },
        { userId: "b", value: true },
        { userId: "c", value: false },
      ],
      { cohortUrl: "https://analytics.example.com/c1", cohortDescription: "First" },
    );
    expect((await push("amplitude", token, body)).status).toBe(204);
    const before = await snapshot(production.id);
    expect((await push("amplitude", token, body)).status).toBe(204);
    const after = await snapshot(production.id);

    const [segmentBefore] = before.segments;
    const [segmentAfter] = after.segments;
    expect(segmentAfter).toMatchObject({
      version: segmentBefore?.version,
      name: segmentBefore?.name,
      description: "First",
      externalLink: "https://analytics.example.com/c1",
      includedCount: 2,
      updatedAt: segmentBefore?.updatedAt,
      membershipLastModified: segmentBefore?.membershipLastModified,
    });
    expect(after.members).toEqual(before.members);
    expect(await latestRun(production.id)).toMatchObject({
      status: "succeeded",
      received: 3,
      added: 0,
      removed: 0,
      unchanged: 3,
      includedCountAfter: 2,
    });
  });
});
