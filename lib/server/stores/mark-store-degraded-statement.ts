import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type MarkStoreDegradedParams = { storeId: string; reason: string; segmentIds: number[] };

/** Records drift found in a store (keeping when it was first found) and the segments its repair resyncs. */
export const markStoreDegradedStatement = sqlStatement<MarkStoreDegradedParams>(
  "tributary_mark_store_degraded",
  { storeId: "", reason: "", segmentIds: "::int[]" },
  (p) => `update store_integration set drift_detected_at = coalesce(drift_detected_at, now()),
         drift_reason = ${p.reason}, drift_segment_ids = ${p.segmentIds} where id = ${p.storeId}`,
);
