import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { amplitude, push, segmentOf } from "@/tests/support/partner-pushes";

describe("partner pushes: persistent store outbox", () => {
  it("queues exactly the changed keys when the environment has an enabled store, and nothing otherwise", async () => {
    const { production, token, environments } = await createTestTenant();
    const outbox = (environmentId: string) =>
      prisma.membershipOutbox.findMany({ where: { environmentId }, orderBy: { id: "asc" } });
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [{ userId: "before-store", value: true }]),
    );
    expect(await outbox(production.id)).toEqual([]);

    await prisma.storeIntegration.create({
      data: { environmentId: production.id, integrationKey: "redis", name: "Redis", config: {} },
    });
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: true },
        { userId: "b", value: true },
        { userId: "before-store", value: true },
      ]),
    );
    await push("amplitude", token, amplitude(production.clientSideId, [{ userId: "a", value: true }]));
    await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [
        { userId: "a", value: false },
        { userId: "c", value: true },
      ]),
    );
    const segment = await segmentOf(production.id, "amplitude-c1");
    const rows = await outbox(production.id);
    expect(rows.map((row) => [row.segmentId, row.segmentRef, [...row.contextKeys].sort()])).toEqual([
      [segment.id, "amplitude-c1.g1", ["a", "b"]],
      [segment.id, "amplitude-c1.g1", ["a", "c"]],
    ]);
    const test = environments.find((environment) => environment.key === "test");
    if (!test) throw new Error("no test environment");
    await push("amplitude", token, amplitude(test.clientSideId, [{ userId: "a", value: true }]));
    expect(await outbox(test.id)).toEqual([]);
  });
});
