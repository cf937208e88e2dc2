import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

/** Outbox rows read per page while draining a store. */
export const OUTBOX_PAGE_SIZE = 200;

export type SelectOutboxPageParams = {
  environmentId: string;
  outboxCursor: string;
  horizon: string;
  afterTxid: string;
  afterId: string;
};

/** A page of a store's outbox rows below the horizon, after the last one applied. */
export const selectOutboxPageStatement = sqlStatement<SelectOutboxPageParams>(
  "tributary_select_outbox_page",
  { environmentId: "", outboxCursor: "", horizon: "", afterTxid: "", afterId: "" },
  (p) => `select id::text, txid::text, segment_ref from membership_outbox
         where environment_id = ${p.environmentId} and txid >= ${p.outboxCursor}::bigint and txid < ${p.horizon}::bigint and (txid, id) > (${p.afterTxid}::bigint, ${p.afterId}::bigint)
         order by txid, id limit ${OUTBOX_PAGE_SIZE}`,
);
