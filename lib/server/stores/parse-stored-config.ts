import type { StoredRedisConfig } from "@/lib/schemas/store-integration";

function text(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

/** Reads the JSON column back into a typed configuration. */
export function parseStoredConfig(config: unknown): StoredRedisConfig {
  const record = typeof config === "object" && config !== null ? config : {};
  const get = (name: string): unknown =>
    Object.hasOwn(record, name) ? Reflect.get(record, name) : undefined;
  const port = get("port");
  const url = get("url");
  const username = get("username");
  return {
    url: typeof url === "string" ? url : null,
    host: text(get("host"), "127.0.0.1"),
    port: typeof port === "number" ? port : 6379,
    username: typeof username === "string" ? username : null,
    tls: get("tls") === true,
    prefix: text(get("prefix"), "launchdarkly"),
  };
}
