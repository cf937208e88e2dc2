import "server-only";
import { Redis } from "ioredis";
import type { StoredRedisConfig } from "@/lib/schemas/store-integration";
import { storeHostAllowed } from "@/lib/server/stores/store-host-allowed";

/**
 * A client that fails fast instead of queueing commands while the store is down: the outbox keeps the changes. Built from
 * an options object, never a URL (ioredis reads any option from a URL's query string). A host the allow-list no longer
 * names is refused before any connection is made.
 */
export function connectRedis(config: StoredRedisConfig, password: string | null): Redis {
  if (!storeHostAllowed(config.host))
    throw new Error(`The host "${config.host}" is not in TRIBUTARY_STORE_ALLOWED_HOSTS`);
  return new Redis({
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 5_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    host: config.host,
    port: config.port,
    db: config.db,
    username: config.username ?? undefined,
    password: password ?? undefined,
    tls: config.tls ? {} : undefined,
  });
}
