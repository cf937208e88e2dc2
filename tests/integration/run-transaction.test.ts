import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { TransactionConflict } from "@/lib/server/transactions/transaction-conflict";
import { createTestProject } from "@/tests/factories/projects";

describe("runTransaction", () => {
  it("runs the work again after a deadlock, from a rolled-back start", async () => {
    const { project } = await createTestProject();
    let attempts = 0;
    const result = await runTransaction(async (tx) => {
      attempts++;
      await tx.project.update({ where: { id: project.id }, data: { name: `attempt ${attempts}` } });
      if (attempts < 2) {
        // A real deadlock: the transaction aborts in PostgreSQL, as a lost lock cycle would.
        await tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = '40P01'; END $$`);
      }
      return "done";
    });
    expect(result).toBe("done");
    expect(attempts).toBe(2);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe("attempt 2");
  });

  it("gives up after a few attempts with 409 conflict", async () => {
    let attempts = 0;
    const run = runTransaction(() => {
      attempts++;
      return Promise.reject(new TransactionConflict("lost again"));
    });
    await expect(run).rejects.toMatchObject({ code: "conflict", status: 409 });
    expect(attempts).toBe(4);
  });

  it("rethrows any other error at once, with nothing written", async () => {
    const { project } = await createTestProject();
    let attempts = 0;
    const run = runTransaction(async (tx) => {
      attempts++;
      await tx.project.update({ where: { id: project.id }, data: { name: "never" } });
      throw new Error("not a conflict");
    });
    await expect(run).rejects.toThrow("not a conflict");
    expect(attempts).toBe(1);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).name).not.toBe("never");
  });

  it("runs at the isolation level it is given", async () => {
    const level = await runTransaction(
      async (tx) =>
        (
          await tx.$queryRawUnsafe<{ level: string }[]>(
            "SELECT current_setting($1) AS level",
            "transaction_isolation",
          )
        )[0]?.level,
      { isolation: "Serializable" },
    );
    expect(level).toBe("serializable");
  });
});
