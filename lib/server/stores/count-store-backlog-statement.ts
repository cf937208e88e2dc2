import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type CountStoreBacklogParams = {
  environmentId: string;
  outboxCursor: string;
};

/** How many outbox rows a store has yet to apply, and when the oldest was written. */
export const countStoreBacklogStatement = sqlStatement<CountStoreBacklogParams>(
  "tributary_count_store_backlog",
  { environmentId: "", outboxCursor: "" },
  (p) => `select count(*)::text as entries, min(created_at) as oldest from membership_outbox
     where environment_id = ${p.environmentId} and txid >= ${p.outboxCursor}::bigint`,
);
