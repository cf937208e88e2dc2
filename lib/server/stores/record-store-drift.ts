import "server-only";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { describeStoreError } from "@/lib/server/stores/describe-store-error";
import { markStoreDegradedStatement } from "@/lib/server/stores/mark-store-degraded-statement";
import type { StoreVerificationRecord } from "@/lib/server/stores/read-store-verification";
import type { DriftReport } from "@/lib/server/stores/store-verification-types";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";

/** Who the audit log names for what the store worker does on its own. */
export const STORE_WORKER_ACTOR = "system (store worker)";

/**
 * Marks the store degraded (its status says so, with the reason, until a repair is verified) and records the drift in
 * the audit log, in one transaction. The reason is bounded like a store error.
 */
export async function recordStoreDrift(
  storeId: string,
  record: StoreVerificationRecord,
  report: DriftReport,
): Promise<void> {
  const reason = describeStoreError(report.reasons.join("; "), null);
  const segmentIds = [...report.segmentIds];
  await runSqlTransaction(
    async (client) => {
      await client.query(markStoreDegradedStatement.query({ storeId, reason, segmentIds }));
      await recordAuditEntry(
        client,
        null,
        {
          kind: "integration",
          name: record.name,
          description: `Found drift in the Redis store ${record.name}: ${reason}. Resyncing ${segmentIds.length} segment(s) from PostgreSQL`,
          action: "updateIntegration",
          target: record.resource,
        },
        STORE_WORKER_ACTOR,
      );
    },
    { keys: 1 },
  );
}
