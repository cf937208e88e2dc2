import "server-only";
import { connectRedis } from "@/lib/server/stores/connect-redis";
import { parseStoredConfig } from "@/lib/server/stores/parse-stored-config";

/** Connects and PINGs the store with its saved configuration. */
export async function testStoreConnection(store: {
  config: unknown;
  password: string | null;
}): Promise<{ ok: boolean; latencyMs: number | null; error: string | null }> {
  const redis = connectRedis(parseStoredConfig(store.config), store.password);
  redis.on("error", () => undefined);
  const started = performance.now();
  try {
    await redis.connect();
    await redis.ping();
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, error: null };
  } catch (error) {
    return { ok: false, latencyMs: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    redis.disconnect();
  }
}
