import "server-only";
import type { RedisConfigInput, StoredRedisConfig } from "@/lib/schemas/store-integration";
import {
  formatRedisUrl,
  normalizeRedisHost,
  parseRedisUrl,
  storeTargetKey,
} from "@/lib/schemas/store-integration-target";
import { ApiError } from "@/lib/server/api/errors";
import { storeHostAllowed } from "@/lib/server/stores/store-host-allowed";

function invalid(message: string): ApiError {
  return new ApiError("invalid_request", `Invalid request: config.${message}`);
}

/**
 * Splits validated input into the stored (public) configuration, the write-only password and the target key (one store per
 * target). A URL's credentials move to username/password; a new host outside TRIBUTARY_STORE_ALLOWED_HOSTS is refused
 * here, before anything is stored or contacted (connectRedis checks again before connecting).
 */
export function toStoredConfig(
  input: RedisConfigInput,
  /** Where the store points now: staying there is allowed even after the allow-list dropped its host (e.g. to turn it off). */
  current?: { host: string; port: number },
): {
  config: StoredRedisConfig;
  password: string | null;
  targetKey: string;
} {
  let target: { tls: boolean; host: string; port: number; db: number };
  let username = input.username === undefined || input.username === "" ? null : input.username;
  let password = input.password === undefined || input.password === "" ? null : input.password;
  if (input.url !== undefined) {
    const parsed = parseRedisUrl(input.url);
    if (!parsed.ok) throw invalid(`url: ${parsed.reason}`);
    const { username: urlUsername, password: urlPassword, ...rest } = parsed.value;
    if (urlUsername !== null && username !== null)
      throw invalid("url: has a username and config.username is set too: give it once");
    if (urlPassword !== null && password !== null)
      throw invalid("url: has a password and config.password is set too: give it once");
    username = urlUsername ?? username;
    password = urlPassword ?? password;
    target = rest;
  } else {
    const host = normalizeRedisHost(input.host ?? "");
    if (host === null) throw invalid("host: must be a host name or an IP address");
    target = { tls: input.tls ?? false, host, port: input.port ?? 6379, db: 0 };
  }
  const stays = current !== undefined && current.host === target.host && current.port === target.port;
  if (!stays && !storeHostAllowed(target.host))
    throw invalid(`host: "${target.host}" is not in TRIBUTARY_STORE_ALLOWED_HOSTS`);
  const prefix = input.prefix ?? "launchdarkly";
  return {
    config: {
      url: input.url === undefined ? null : formatRedisUrl(target),
      host: target.host,
      port: target.port,
      db: target.db,
      username,
      tls: target.tls,
      prefix,
    },
    password,
    targetKey: storeTargetKey({ ...target, prefix }),
  };
}
