import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type EnqueueSegmentDropParams = {
  environmentId: string;
  segmentId: number;
  segmentRef: string;
};

/** Records a dropped segment's keys in the outbox, in chunks of 10,000, when the environment has a store. */
export const enqueueSegmentDropStatement = sqlStatement<EnqueueSegmentDropParams>(
  "tributary_enqueue_segment_drop",
  { environmentId: "", segmentId: "", segmentRef: "" },
  (p) => `insert into membership_outbox (environment_id, segment_id, segment_ref, context_keys)
     select ${p.environmentId}, ${p.segmentId}, ${p.segmentRef}, array_agg(context_key)
     from (
       select context_key, (row_number() over (order by context_key) - 1) / 10000 as chunk
       from (
         select context_key from segment_member where segment_id = ${p.segmentId}
         union
         select context_key from segment_exclusion where segment_id = ${p.segmentId}
       ) keys
     ) numbered
     where exists (select 1 from store_integration where environment_id = ${p.environmentId} and "on")
     group by chunk`,
);
