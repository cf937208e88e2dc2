import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/server/api/errors";
import { prisma } from "@/lib/server/db";
import { applyMembershipChanges } from "@/lib/server/membership/apply-membership-changes";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";
import { syncRunActor } from "@/lib/server/membership/sync-run-actor";
import { TransactionConflict } from "@/lib/server/transactions/transaction-conflict";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { waitForClockPast } from "@/tests/support/wait-for";

function sqlError(code: string): Error {
  return Object.assign(new Error(`simulated ${code}`), { code });
}

async function memberKeys(segmentId: number): Promise<string[]> {
  const rows = await prisma.segmentMember.findMany({ where: { segmentId }, orderBy: { contextKey: "asc" } });
  return rows.map((row) => row.contextKey);
}

describe("runSqlTransaction", () => {
  it.each(["40001", "40P01"])(
    "runs the work again after SQLSTATE %s, from a rolled-back start",
    async (code) => {
      const { production } = await createTestProject();
      const segment = await createTestSegment(production);
      let attempts = 0;
      const result = await runSqlTransaction(async (client) => {
        attempts++;
        await client.query("UPDATE segment SET included_count = included_count + 1 WHERE id = $1", [
          segment.id,
        ]);
        if (attempts < 3) throw sqlError(code);
        return "done";
      });
      expect(result).toBe("done");
      expect(attempts).toBe(3);
      expect((await prisma.segment.findUniqueOrThrow({ where: { id: segment.id } })).includedCount).toBe(1);
    },
  );

  it("gives up after a few attempts with 409 conflict", async () => {
    let attempts = 0;
    const run = runSqlTransaction(() => {
      attempts++;
      return Promise.reject(new TransactionConflict("lost again"));
    });
    await expect(run).rejects.toMatchObject({ code: "conflict", status: 409 });
    expect(attempts).toBe(4);
  });

  it("rolls back and rethrows any other error at once", async () => {
    const { production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["a"] });
    let attempts = 0;
    const run = runSqlTransaction(async (client) => {
      attempts++;
      await applyMembershipChanges(client, {
        environmentId: production.id,
        source: "contexts",
        actor: syncRunActor(null),
        startedAt: new Date(),
        received: 1,
        changes: [
          {
            segmentId: segment.id,
            segmentKey: segment.key,
            included: { add: ["b"] },
            received: 1,
            skipped: [],
          },
        ],
      });
      throw new ApiError("forbidden", "refused after writing");
    });
    await expect(run).rejects.toBeInstanceOf(ApiError);
    expect(attempts).toBe(1);
    expect(await memberKeys(segment.id)).toEqual(["a"]);
    expect(await prisma.syncRun.count({ where: { environmentId: production.id, source: "contexts" } })).toBe(
      0,
    );
  });
});

describe("applyMembershipChanges", () => {
  it("refuses a segment that no longer exists with 404", async () => {
    const { production } = await createTestProject();
    const run = runSqlTransaction((client) =>
      applyMembershipChanges(client, {
        environmentId: production.id,
        source: "contexts",
        actor: syncRunActor(null),
        startedAt: new Date(),
        received: 1,
        changes: [
          {
            segmentId: 2_000_000_000,
            segmentKey: "gone",
            included: { add: ["a"] },
            received: 1,
            skipped: [],
          },
        ],
      }),
    );
    await expect(run).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps membership_last_modified when nothing changed, and moves last_sync_at", async () => {
    const { production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["a"] });
    const before = await prisma.segment.findUniqueOrThrow({ where: { id: segment.id } });
    // A wrongly moved membership_last_modified must be visible as a different time.
    await waitForClockPast(before.membershipLastModified);
    await waitForClockPast(before.lastSyncAt);
    const outcome = await runSqlTransaction((client) =>
      applyMembershipChanges(client, {
        environmentId: production.id,
        source: "contexts",
        actor: syncRunActor(null),
        startedAt: new Date(),
        received: 2,
        changes: [
          {
            segmentId: segment.id,
            segmentKey: segment.key,
            included: { add: ["a"], remove: ["never"] },
            received: 2,
            skipped: [],
          },
        ],
      }),
    );
    expect(outcome.counts).toEqual({ received: 2, added: 0, removed: 0, unchanged: 2, skipped: 0 });
    const after = await prisma.segment.findUniqueOrThrow({ where: { id: segment.id } });
    expect(after.membershipLastModified).toEqual(before.membershipLastModified);
    expect(after.lastSyncAt?.getTime()).toBeGreaterThan(before.lastSyncAt?.getTime() ?? 0);
  });
});

describe("applyMembershipChanges: key lists", () => {
  function run(
    environmentId: string,
    segment: { id: number; key: string },
    included: { add?: string[]; remove?: string[]; distinct?: boolean },
  ) {
    return runSqlTransaction((client) =>
      applyMembershipChanges(client, {
        environmentId,
        source: "contexts",
        actor: syncRunActor(null),
        startedAt: new Date(),
        received: (included.add?.length ?? 0) + (included.remove?.length ?? 0),
        changes: [{ segmentId: segment.id, segmentKey: segment.key, included, received: 0, skipped: [] }],
      }),
    );
  }

  it("counts duplicates once and applies a key both added and removed only as a remove", async () => {
    const { production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["c"] });
    const outcome = await run(production.id, segment, { add: ["a", "a", "b"], remove: ["b", "c", "c"] });
    // Distinct requests: add a; remove b (absent) and c (present).
    expect(outcome.counts).toMatchObject({ added: 1, removed: 1, unchanged: 1 });
    expect(await memberKeys(segment.id)).toEqual(["a"]);
    expect(outcome.segments[0]?.includedCount).toBe(1);
  });

  it("applies a batch tried as all new and refused for one existing key as a whole, exactly once", async () => {
    const { production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["m"] });
    await prisma.storeIntegration.create({
      data: { environmentId: production.id, integrationKey: "redis", name: "Redis", config: {} },
    });
    // The first add of this segment is tried as all new; "m" is already there, so that attempt is rolled back.
    const mixed = await run(production.id, segment, { add: ["a", "m", "z"], remove: ["gone"] });
    expect(mixed.counts).toMatchObject({ added: 2, removed: 0, unchanged: 2 });
    expect(await memberKeys(segment.id)).toEqual(["a", "m", "z"]);
    expect(mixed.segments[0]?.includedCount).toBe(3);
    const outboxKeys = async () =>
      (await prisma.membershipOutbox.findMany({ where: { segmentId: segment.id } }))
        .flatMap((row) => row.contextKeys)
        .sort();
    expect(await outboxKeys()).toEqual(["a", "z"]);

    // The next batches of this list go straight to the form that skips existing keys, with the same result.
    const next = await run(production.id, segment, { add: ["a", "b"], remove: ["z"] });
    expect(next.counts).toMatchObject({ added: 1, removed: 1, unchanged: 1 });
    expect(await memberKeys(segment.id)).toEqual(["a", "b", "m"]);
    expect(next.segments[0]?.includedCount).toBe(3);
    expect(await outboxKeys()).toEqual(["a", "b", "z", "z"]);
    const runs = await prisma.syncRun.findMany({
      where: { environmentId: production.id, source: "contexts" },
    });
    expect(runs).toHaveLength(2);
  });

  it("applies lists marked distinct without deduplicating them, with the same counts and outbox rows", async () => {
    const { production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["m", "n"] });
    await prisma.storeIntegration.create({
      data: { environmentId: production.id, integrationKey: "redis", name: "Redis", config: {} },
    });
    // Tried as all new, refused for "m", then run again in the form that skips existing keys.
    const first = await run(production.id, segment, {
      add: ["a", "m", "z"],
      remove: ["n", "gone"],
      distinct: true,
    });
    expect(first.counts).toMatchObject({ added: 2, removed: 1, unchanged: 2 });
    expect(await memberKeys(segment.id)).toEqual(["a", "m", "z"]);
    expect(first.segments[0]?.includedCount).toBe(3);
    const second = await run(production.id, segment, { add: ["b"], remove: ["z"], distinct: true });
    expect(second.counts).toMatchObject({ added: 1, removed: 1, unchanged: 0 });
    expect(await memberKeys(segment.id)).toEqual(["a", "b", "m"]);
    const outboxKeys = (await prisma.membershipOutbox.findMany({ where: { segmentId: segment.id } }))
      .flatMap((row) => row.contextKeys)
      .sort();
    expect(outboxKeys).toEqual(["a", "b", "n", "z", "z"]);
    const counts = await prisma.segment.findUniqueOrThrow({ where: { id: segment.id } });
    expect(counts.includedCount).toBe(3);
  });

  it("deduplicates a list marked distinct after all when lone surrogates made two keys one", async () => {
    const { production } = await createTestProject();
    const segment = await createTestSegment(production);
    const outcome = await run(production.id, segment, { add: ["x\ud800y", "x\udbffy", "w"], distinct: true });
    // Both surrogate keys are stored as "x\ufffdy": one key asked for, once.
    expect(outcome.counts).toMatchObject({ added: 2, removed: 0, unchanged: 0 });
    expect(await memberKeys(segment.id)).toEqual(["w", "x\ufffdy"]);
    expect(outcome.segments[0]?.includedCount).toBe(2);
  });

  it("stores a key with a lone surrogate as U+FFFD, as a text parameter always did", async () => {
    const { production } = await createTestProject();
    const segment = await createTestSegment(production);
    await run(production.id, segment, { add: ["x\ud800y", "😀"] });
    expect(await memberKeys(segment.id)).toEqual(["x\ufffdy", "😀"].sort());
  });

  it("queues the changed keys in outbox rows of at most 10,000 keys", async () => {
    const { production } = await createTestProject();
    await prisma.storeIntegration.create({
      data: { environmentId: production.id, integrationKey: "redis", name: "Redis", config: {} },
    });
    const segment = await createTestSegment(production);
    const keys = Array.from({ length: 10_001 }, (_, index) => `k${index}`);
    await run(production.id, segment, { add: keys });
    const rows = await prisma.membershipOutbox.findMany({ where: { segmentId: segment.id } });
    expect(rows.map((row) => row.contextKeys.length).sort((a, b) => a - b)).toEqual([1, 10_000]);
    expect(rows.flatMap((row) => row.contextKeys).sort()).toEqual([...keys].sort());
  });
});
