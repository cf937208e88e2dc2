import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectPendingOutboxKeysParams = { environmentId: string; outboxCursor: string; values: string[] };

const PENDING_KEYS = `from membership_outbox o cross join lateral unnest(o.context_keys) as k(context_key)`;

/**
 * Which of the given context keys (`values`) have a change the store has not applied yet (an outbox row at or after its
 * cursor), by segment: PostgreSQL already holds their new state and the store does not, which is not drift. Reads only
 * the pending rows (the outbox index on environment and transaction id).
 */
export const selectPendingOutboxKeysStatement = sqlStatement<SelectPendingOutboxKeysParams>(
  "tributary_select_pending_outbox_keys",
  { environmentId: "", outboxCursor: "", values: "::text[]" },
  (p) => `select distinct o.segment_id, k.context_key as value ${PENDING_KEYS}
         where o.environment_id = ${p.environmentId} and o.txid >= ${p.outboxCursor}::bigint
           and k.context_key = any(${p.values})`,
);

/** The same for context-key hashes (contextKeyHash's form), for entries read from the store. */
export const selectPendingOutboxHashesStatement = sqlStatement<SelectPendingOutboxKeysParams>(
  "tributary_select_pending_outbox_hashes",
  { environmentId: "", outboxCursor: "", values: "::text[]" },
  (p) => `select distinct segment_id, value from (
           select o.segment_id, encode(sha256(convert_to(k.context_key, 'UTF8')), 'base64') as value ${PENDING_KEYS}
           where o.environment_id = ${p.environmentId} and o.txid >= ${p.outboxCursor}::bigint
         ) hashed where value = any(${p.values})`,
);
