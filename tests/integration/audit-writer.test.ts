import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { recordAuditEntry, type AuditEntryInput } from "@/lib/server/audit/record-audit-entry";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { unique } from "@/tests/factories/unique";

function entry(name: string): AuditEntryInput {
  return {
    kind: "segment",
    name,
    description: `Changed ${name}`,
    action: "updateName",
    target: `proj/p:env/e:segment/${name}`,
    previous: { name: "before", tags: ["a"] },
    current: { name: "after", tags: [] },
    comment: "a comment from LaunchDarkly's {comment, patch} body",
  };
}

async function storedEntry(name: string) {
  const { id: _id, date: _date, ...row } = await prisma.auditEntry.findFirstOrThrow({ where: { name } });
  return row;
}

describe("recordAuditEntry", () => {
  it("writes the same row in a Prisma transaction and in a raw SQL one", async () => {
    const viaPrisma = unique("audit-prisma");
    const viaSql = unique("audit-sql");
    await runTransaction((tx) => recordAuditEntry(tx, null, entry(viaPrisma), "system"));
    await runSqlTransaction((client) => recordAuditEntry(client, null, entry(viaSql), "system"));
    const written = await storedEntry(viaPrisma);
    expect(written).toMatchObject({
      comment: "a comment from LaunchDarkly's {comment, patch} body",
      memberEmail: "system",
      accesses: [{ action: "updateName", resource: `proj/p:env/e:segment/${viaPrisma}` }],
      previousVersion: { name: "before", tags: ["a"] },
    });
    const normalize = (row: typeof written, name: string) =>
      JSON.parse(JSON.stringify(row).replaceAll(name, "NAME")) as unknown;
    expect(normalize(await storedEntry(viaSql), viaSql)).toEqual(normalize(written, viaPrisma));
  });

  it("writes through the Prisma client outside a transaction, for an entry that records no change", async () => {
    const name = unique("audit-client");
    await recordAuditEntry(prisma, null, entry(name), "system");
    expect(await storedEntry(name)).toMatchObject({ name, memberEmail: "system" });
  });

  it("writes nothing when the transaction rolls back", async () => {
    const name = unique("audit-rollback");
    await expect(
      runTransaction(async (tx) => {
        await recordAuditEntry(tx, null, entry(name), "system");
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.auditEntry.count({ where: { name } })).toBe(0);
  });
});
