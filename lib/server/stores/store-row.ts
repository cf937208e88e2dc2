import type { StoredRedisConfig } from "@/lib/schemas/store-integration";

/** What the worker needs of a store_integration row (bigint cursor as text, as pg returns it). */
export type StoreRow = {
  id: string;
  environmentId: string;
  config: StoredRedisConfig;
  password: string | null;
  outboxCursor: string;
  needsFullSync: boolean;
  version: number;
};
