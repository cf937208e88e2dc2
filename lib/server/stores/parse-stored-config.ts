import type { StoredRedisConfig } from "@/lib/schemas/store-integration";
import { formatRedisUrl } from "@/lib/schemas/store-integration-target";

function text(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

/**
 * Reads the JSON column back into a typed configuration. The URL is always rebuilt from the parts, so a row written before
 * URLs were parsed by us (which could hold credentials or ioredis options) shows neither and is never handed to ioredis.
 */
export function parseStoredConfig(config: unknown): StoredRedisConfig {
  const record = typeof config === "object" && config !== null ? config : {};
  const get = (name: string): unknown =>
    Object.hasOwn(record, name) ? Reflect.get(record, name) : undefined;
  const port = get("port");
  const db = get("db");
  const url = get("url");
  const username = get("username");
  const host = text(get("host"), "127.0.0.1");
  const tls = get("tls") === true;
  const legacyDb = typeof url === "string" ? /^rediss?:\/\/[^/?#]*\/(\d{1,3})(?:$|[?#])/.exec(url) : null;
  const parsed = {
    host,
    port: typeof port === "number" ? port : 6379,
    db: typeof db === "number" ? db : legacyDb ? Number(legacyDb[1]) : 0,
    tls,
  };
  return {
    url: typeof url === "string" ? formatRedisUrl(parsed) : null,
    ...parsed,
    username: typeof username === "string" ? username : null,
    prefix: text(get("prefix"), "launchdarkly"),
  };
}
