import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type MarkStoreVerifiedParams = { storeId: string };

/** Records a verification that found no drift, which ends a degraded state. */
export const markStoreVerifiedStatement = sqlStatement<MarkStoreVerifiedParams>(
  "tributary_mark_store_verified",
  { storeId: "" },
  (p) => `update store_integration set verified_at = now(), drift_detected_at = null, drift_reason = null,
         drift_segment_ids = '{}' where id = ${p.storeId}`,
);
