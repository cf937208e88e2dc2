import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import type { Refusal } from "@/lib/server/rejected-pushes/refusal";
import { MAX_REJECTED_PUSH_ROWS_PER_MINUTE } from "@/lib/server/rejected-pushes/rejected-push-limits";
import { storeRejectedPush } from "@/lib/server/rejected-pushes/store-rejected-push";
import { createTestTenant } from "@/tests/factories/tenants";

function refusal(clientSideId: string, at: Date, overrides: Partial<Refusal> = {}): Refusal {
  return {
    integrationKey: "amplitude",
    status: 400,
    reasonCode: "invalid_request",
    message: "no cohort id",
    token: { id: "00000000-0000-4000-8000-000000000001", name: "tool", ending: "abcd" },
    environment: { clientSideId },
    clientSideId,
    memberSample: ["m1"],
    count: 1,
    firstAt: at,
    lastAt: at,
    ...overrides,
  };
}

describe("the minute's aggregate row", () => {
  it("takes every refusal past the rate, keeps only the details they all share, and starts over the next minute", async () => {
    const { production } = await createTestTenant();
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const at = (seconds: number) => new Date(minute.getTime() + seconds * 1000);
    for (let second = 0; second < MAX_REJECTED_PUSH_ROWS_PER_MINUTE; second++) {
      await storeRejectedPush(refusal(production.clientSideId, at(second)));
    }
    await storeRejectedPush(refusal(production.clientSideId, at(20), { count: 5 }));
    await storeRejectedPush(
      refusal(production.clientSideId, at(30), {
        token: { id: "00000000-0000-4000-8000-000000000002", name: "other", ending: "wxyz" },
        message: "not JSON",
      }),
    );
    await storeRejectedPush(refusal(production.clientSideId, at(40), { message: "another" }));
    // Another reason has a rate of its own.
    await storeRejectedPush(
      refusal(production.clientSideId, at(41), { status: 403, reasonCode: "forbidden" }),
    );
    await storeRejectedPush(refusal(production.clientSideId, at(61)));

    const rows = await prisma.rejectedPush.findMany({
      where: { environmentId: production.id },
      orderBy: { firstAt: "asc" },
    });
    const aggregates = rows.filter((row) => row.bucketKey !== null);
    expect(aggregates).toHaveLength(1);
    expect(aggregates[0]).toMatchObject({
      count: 7,
      firstAt: at(20),
      lastAt: at(40),
      tokenId: null,
      tokenName: null,
      tokenEnding: null,
      clientSideId: production.clientSideId,
      message: "no cohort id (and other messages)",
      memberSample: [],
    });
    expect(rows.filter((row) => row.bucketKey === null && row.reasonCode === "invalid_request")).toHaveLength(
      MAX_REJECTED_PUSH_ROWS_PER_MINUTE + 1,
    );
    expect(rows.filter((row) => row.reasonCode === "forbidden")).toHaveLength(1);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(MAX_REJECTED_PUSH_ROWS_PER_MINUTE + 7 + 2);
  });
});
