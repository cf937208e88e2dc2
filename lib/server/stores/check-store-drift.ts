import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { checkSampledEntries } from "@/lib/server/stores/check-sampled-entries";
import { checkSampledMembers } from "@/lib/server/stores/check-sampled-members";
import { readStoreVerification } from "@/lib/server/stores/read-store-verification";
import { readVerifySegments } from "@/lib/server/stores/read-verify-segments";
import type { StoreRow } from "@/lib/server/stores/store-row";
import { emptyDriftReport, type DriftReport } from "@/lib/server/stores/store-verification-types";

/**
 * Compares a random sample of the store with PostgreSQL in both directions (see checkSampledMembers and
 * checkSampledEntries), over every segment of the environment or only the given ones. Writes nothing.
 */
export async function checkStoreDrift(
  db: pg.ClientBase,
  store: StoreRow,
  redis: Redis,
  onlySegmentIds?: ReadonlySet<number>,
): Promise<DriftReport> {
  const { outboxCursor } = await readStoreVerification(db, store.id);
  const pending = { environmentId: store.environmentId, outboxCursor };
  const segments = (await readVerifySegments(db, store.environmentId)).filter(
    (segment) => !onlySegmentIds || onlySegmentIds.has(segment.id),
  );
  const report = emptyDriftReport();
  const prefix = store.config.prefix;
  await checkSampledMembers(db, redis, prefix, segments, pending, report);
  await checkSampledEntries(db, redis, prefix, segments, pending, report);
  return report;
}
