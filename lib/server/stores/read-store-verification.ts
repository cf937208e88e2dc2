import "server-only";
import type pg from "pg";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { readStoreVerificationStatement } from "@/lib/server/stores/read-store-verification-statement";

/** A store's verification state, its outbox cursor now, and the name and resource its audit entries carry. */
export type StoreVerificationRecord = {
  name: string;
  resource: string;
  outboxCursor: string;
  lastSyncAt: Date | null;
  verifiedAt: Date | null;
  driftDetectedAt: Date | null;
  driftSegmentIds: number[];
};

export async function readStoreVerification(
  db: pg.ClientBase,
  storeId: string,
): Promise<StoreVerificationRecord> {
  const { rows } = await db.query<{
    name: string;
    outbox_cursor: string;
    last_sync_at: Date | null;
    verified_at: Date | null;
    drift_detected_at: Date | null;
    drift_segment_ids: number[] | null;
    environment_key: string;
    environment_tags: string[];
    project_key: string;
    project_tags: string[];
  }>(readStoreVerificationStatement.query({ storeId }));
  const row = rows[0];
  if (!row) throw new Error(`The store ${storeId} no longer exists`);
  return {
    name: row.name,
    resource: storeIntegrationResource(
      { key: row.project_key, tags: row.project_tags },
      { key: row.environment_key, tags: row.environment_tags },
      storeId,
    ),
    outboxCursor: row.outbox_cursor,
    lastSyncAt: row.last_sync_at,
    verifiedAt: row.verified_at,
    driftDetectedAt: row.drift_detected_at,
    driftSegmentIds: row.drift_segment_ids ?? [],
  };
}
