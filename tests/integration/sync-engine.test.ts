import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/server/api/errors";
import { prisma } from "@/lib/server/db";
import { applyMembershipChanges } from "@/lib/server/membership/apply-membership-changes";
import { runMembershipTransaction } from "@/lib/server/membership/run-membership-transaction";
import { syncRunActor } from "@/lib/server/membership/sync-run-actor";
import { TransactionConflict } from "@/lib/server/membership/transaction-conflict";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";

function sqlError(code: string): Error {
  return Object.assign(new Error(`simulated ${code}`), { code });
}

async function memberKeys(segmentId: number): Promise<string[]> {
  const rows = await prisma.segmentMember.findMany({ where: { segmentId }, orderBy: { contextKey: "asc" } });
  return rows.map((row) => row.contextKey);
}

describe("runMembershipTransaction", () => {
  it.each(["40001", "40P01"])(
    "runs the work again after SQLSTATE %s, from a rolled-back start",
    async (code) => {
      const { production } = await createTestProject();
      const segment = await createTestSegment(production);
      let attempts = 0;
      const result = await runMembershipTransaction(async (client) => {
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
    const run = runMembershipTransaction(() => {
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
    const run = runMembershipTransaction(async (client) => {
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
    const run = runMembershipTransaction((client) =>
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
    await new Promise((resolve) => setTimeout(resolve, 5));
    const outcome = await runMembershipTransaction((client) =>
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
