import type { RedisConfigInput, StoredRedisConfig } from "@/lib/schemas/store-integration";

/** Splits the input into the stored (public) configuration and the write-only password. */
export function toStoredConfig(input: RedisConfigInput): {
  config: StoredRedisConfig;
  password: string | null;
} {
  let host = input.host ?? "127.0.0.1";
  let port = input.port ?? 6379;
  let tls = input.tls ?? false;
  if (input.url) {
    const url = new URL(input.url);
    host = url.hostname;
    port = url.port ? Number(url.port) : 6379;
    tls = url.protocol === "rediss:";
  }
  return {
    config: {
      url: input.url ?? null,
      host,
      port,
      username: input.username ?? null,
      tls,
      prefix: input.prefix ?? "launchdarkly",
    },
    password: input.password ?? null,
  };
}
