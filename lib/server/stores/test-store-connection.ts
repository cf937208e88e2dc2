import "server-only";
import type { Redis } from "ioredis";
import { connectRedis } from "@/lib/server/stores/connect-redis";
import { describeStoreError } from "@/lib/server/stores/describe-store-error";
import { parseStoredConfig } from "@/lib/server/stores/parse-stored-config";

/** Connects and PINGs the store with its saved configuration. */
export async function testStoreConnection(store: {
  config: unknown;
  password: string | null;
}): Promise<{ ok: boolean; latencyMs: number | null; error: string | null }> {
  let redis: Redis | null = null;
  const started = performance.now();
  try {
    redis = connectRedis(parseStoredConfig(store.config), store.password);
    redis.on("error", () => undefined);
    await redis.connect();
    await redis.ping();
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, error: null };
  } catch (error) {
    return { ok: false, latencyMs: null, error: describeStoreError(error, store.password) };
  } finally {
    redis?.disconnect();
  }
}
