import "server-only";
import type pg from "pg";

/**
 * Before a segment's members are deleted, records every member key (in chunks of 10,000, set-based) so the worker removes
 * the segment's ref from each context in the stores. Call it in the deleting transaction.
 */
export async function enqueueSegmentDrop(
  client: pg.ClientBase,
  environmentId: string,
  segment: { id: number; ref: string },
): Promise<void> {
  await client.query(
    `insert into membership_outbox (environment_id, segment_id, segment_ref, context_keys)
     select $1, $2, $3, array_agg(context_key)
     from (
       select context_key, (row_number() over (order by context_key) - 1) / 10000 as chunk
       from (
         select context_key from segment_member where segment_id = $2
         union
         select context_key from segment_exclusion where segment_id = $2
       ) keys
     ) numbered
     where exists (select 1 from store_integration where environment_id = $1 and "on")
     group by chunk`,
    [environmentId, segment.id, segment.ref],
  );
}
