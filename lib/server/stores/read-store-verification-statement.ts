import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type ReadStoreVerificationParams = { storeId: string };

/** What the verifier needs of a store beyond the worker's row: its drift state, its cursor now, and its audit names. */
export const readStoreVerificationStatement = sqlStatement<ReadStoreVerificationParams>(
  "tributary_read_store_verification",
  { storeId: "" },
  (
    p,
  ) => `select s.name, s.outbox_cursor::text as outbox_cursor, s.last_sync_at, s.verified_at, s.drift_detected_at,
                s.drift_segment_ids, e.key as environment_key, e.tags as environment_tags, pr.key as project_key,
                pr.tags as project_tags
         from store_integration s
         join environment e on e.id = s.environment_id
         join project pr on pr.id = e.project_id
         where s.id = ${p.storeId}`,
);
