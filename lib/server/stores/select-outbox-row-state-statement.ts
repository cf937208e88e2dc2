import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectOutboxRowStateParams = { outboxRowId: string };

/**
 * For every key of one outbox row, PostgreSQL's current state in the segment that carries the row's ref now (none when the
 * segment was deleted or re-created under a new generation), grouped by state so that a few JSON arrays come back instead
 * of a row per key. Only the list the row changed is probed (null for the other: that set is left alone), both for a
 * row of a dropped segment; the exclusion probe is skipped for a segment without exclusions (its keys are then simply not
 * excluded).
 */
export const selectOutboxRowStateStatement = sqlStatement<SelectOutboxRowStateParams>(
  "tributary_outbox_row_state",
  { outboxRowId: "" },
  (p) => `SELECT included, excluded, json_agg(context_key)::text AS keys
         FROM (
           SELECT k AS context_key,
                  CASE WHEN o.list = 'excluded' THEN NULL
                       ELSE s.id IS NOT NULL AND EXISTS (
                         SELECT 1 FROM segment_member m WHERE m.segment_id = s.id AND m.context_key = k) END AS included,
                  CASE WHEN o.list = 'included' THEN NULL
                       ELSE s.id IS NOT NULL AND s.excluded_count > 0 AND EXISTS (
                         SELECT 1 FROM segment_exclusion x WHERE x.segment_id = s.id AND x.context_key = k) END AS excluded
           FROM membership_outbox o
           CROSS JOIN LATERAL unnest(o.context_keys) AS k
           LEFT JOIN segment s ON s.id = o.segment_id AND s.key || '.g' || s.generation = o.segment_ref
           WHERE o.id = ${p.outboxRowId}
         ) states
         GROUP BY included, excluded`,
);
