import "server-only";
import { Redis } from "ioredis";
import type { StoredRedisConfig } from "@/lib/schemas/store-integration";

/** A client that fails fast instead of queueing commands while the store is down: the outbox keeps the changes. */
export function connectRedis(config: StoredRedisConfig, password: string | null): Redis {
  const common = {
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 5_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  };
  if (config.url) {
    return new Redis(config.url, { ...common, ...(password ? { password } : {}) });
  }
  return new Redis({
    ...common,
    host: config.host,
    port: config.port,
    username: config.username ?? undefined,
    password: password ?? undefined,
    tls: config.tls ? {} : undefined,
  });
}
