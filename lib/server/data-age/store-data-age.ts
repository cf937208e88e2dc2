import type { StoreDataAge } from "@/lib/schemas/data-age";

/** A store's data age: the worker records `last_sync_at` in the same step that writes the `synchronized_on` marker. */
export function storeDataAge(store: { lastSyncAt: Date | null }, nowMs: number): StoreDataAge {
  const at = store.lastSyncAt?.getTime() ?? null;
  return { markerWrittenAt: at, markerAgeMs: at === null ? null : Math.max(0, nowMs - at) };
}
