import "server-only";
import { countStoreBacklogStatement } from "@/lib/server/stores/count-store-backlog-statement";
import type { StoreStatus } from "@/lib/schemas/store-integration";
import { pgPool } from "@/lib/server/db";

/** SDKs call big-segment data stale after 120 s; a backlog older than 2 minutes deserves a warning. */
const STALE_AFTER_MS = 120_000;

type StatusInput = {
  id: string;
  environmentId: string;
  on: boolean;
  outboxCursor: bigint | string;
  lastSyncAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  verifiedAt?: Date | null;
  driftDetectedAt?: Date | null;
  driftReason?: string | null;
};

export async function getStoreStatus(store: StatusInput): Promise<StoreStatus> {
  const backlog = await pgPool().query<{ entries: string; oldest: Date | null }>(
    countStoreBacklogStatement.query({
      environmentId: store.environmentId,
      outboxCursor: String(store.outboxCursor),
    }),
  );
  const entries = Number(backlog.rows[0]?.entries ?? 0);
  const oldest = backlog.rows[0]?.oldest ?? null;
  const oldestAgeMs = oldest ? Date.now() - oldest.getTime() : null;
  const failing =
    store.lastErrorAt !== null && (store.lastSyncAt === null || store.lastErrorAt > store.lastSyncAt);
  const available = store.on && store.lastSyncAt !== null && !failing;
  const degraded = store.driftDetectedAt ? store.driftDetectedAt.getTime() : null;
  const syncAge = store.lastSyncAt ? Date.now() - store.lastSyncAt.getTime() : Number.POSITIVE_INFINITY;
  return {
    available,
    potentiallyStale:
      !available || degraded !== null || syncAge > STALE_AFTER_MS || (oldestAgeMs ?? 0) > STALE_AFTER_MS,
    ...(store.lastSyncAt !== null && { lastSync: store.lastSyncAt.getTime() }),
    ...(failing &&
      store.lastErrorAt !== null && {
        lastError: store.lastErrorAt.getTime(),
        errors: [{ message: store.lastError ?? "unknown error", timestamp: store.lastErrorAt.getTime() }],
      }),
    backlog: { entries, oldestAgeMs },
    ...(store.verifiedAt && { lastVerified: store.verifiedAt.getTime() }),
    ...(degraded !== null && { degraded: { since: degraded, reason: store.driftReason ?? "drift" } }),
  };
}
