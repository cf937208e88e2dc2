import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { markStoreVerifiedStatement } from "@/lib/server/stores/mark-store-verified-statement";
import type { StoreVerificationRecord } from "@/lib/server/stores/read-store-verification";
import { STORE_WORKER_ACTOR } from "@/lib/server/stores/record-store-drift";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";

/**
 * Records a verification that found the store equal to PostgreSQL. After a repair it also ends the degraded state in the
 * audit log and writes the synchronized_on marker again: SDKs see fresh data only once it was verified.
 */
export async function recordStoreVerified(
  db: pg.ClientBase,
  redis: Redis,
  store: { id: string; prefix: string },
  record: StoreVerificationRecord,
  repairedSegments: number | null,
): Promise<void> {
  if (repairedSegments === null) {
    await db.query(markStoreVerifiedStatement.query({ storeId: store.id }));
    return;
  }
  await runSqlTransaction(
    async (client) => {
      await client.query(markStoreVerifiedStatement.query({ storeId: store.id }));
      await recordAuditEntry(
        client,
        null,
        {
          kind: "integration",
          name: record.name,
          description: `Repaired drift in the Redis store ${record.name}: resynced ${repairedSegments} segment(s) and a new sample matched PostgreSQL`,
          action: "updateIntegration",
          target: record.resource,
        },
        STORE_WORKER_ACTOR,
      );
    },
    { keys: 1 },
  );
  await redis.set(synchronizedOnKey(store.prefix), String(Date.now()));
}
