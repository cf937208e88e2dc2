/**
 * Where a Redis store lives, parsed by us rather than by ioredis: ioredis lets a URL's query string override any option
 * (`?path=` connects to a Unix socket), so only scheme, host, port and database are accepted, and ioredis is handed an
 * options object built from them.
 */

/** Redis's own limit is its `databases` setting (16 by default); 255 keeps typos out without refusing a larger setting. */
export const MAX_REDIS_DB = 255;
/** Longer than any real Redis URL; refused before it is parsed. */
export const MAX_REDIS_URL_LENGTH = 2048;
const MAX_HOST_LENGTH = 253;

export type ParsedRedisUrl = {
  tls: boolean;
  host: string;
  port: number;
  db: number;
  username: string | null;
  password: string | null;
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A host name or IP address in one canonical spelling (lower case, IPv4 in dotted decimal, IPv6 compressed and without
 * brackets), so that the allow-list and the one-store-per-target rule cannot be dodged by spelling a host differently.
 * Null for anything else.
 */
export function normalizeRedisHost(host: string): string | null {
  if (host.length === 0 || host.length > MAX_HOST_LENGTH) return null;
  if (host.startsWith("[") !== host.endsWith("]")) return null;
  const ipv6 = /^\[?([0-9A-Fa-f:.]+)\]?$/.exec(host);
  const candidate = ipv6 && host.includes(":") ? `[${ipv6[1]}]` : host;
  if (!candidate.startsWith("[") && !/^[A-Za-z0-9.-]+$/.test(candidate)) return null;
  let hostname: string;
  try {
    // An http URL because WHATWG parses special schemes' hosts fully (lower case, IPv4 forms, IPv6 compression).
    hostname = new URL(`http://${candidate}/`).hostname;
  } catch {
    return null;
  }
  if (hostname.length === 0) return null;
  return hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
}

/** How a host is written inside a URL: IPv6 addresses in brackets. */
export function hostForUrl(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

export function formatRedisUrl(target: { tls: boolean; host: string; port: number; db: number }): string {
  return `${target.tls ? "rediss" : "redis"}://${hostForUrl(target.host)}:${target.port}/${target.db}`;
}

function decodeUserinfoPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

const URL_PATTERN =
  /^(rediss?):\/\/(?:([^@/?#[\]]*)@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(?:\/(\d{0,3}))?$/;

/**
 * `redis[s]://[username[:password]@]host[:port][/db]` and nothing else: a query string, a fragment or any other path is
 * refused, since ioredis would read options from them. The credentials are returned apart from the target.
 */
export function parseRedisUrl(url: string): ParseResult<ParsedRedisUrl> {
  if (url.length > MAX_REDIS_URL_LENGTH)
    return { ok: false, reason: `must be at most ${MAX_REDIS_URL_LENGTH} characters` };
  if (!/^rediss?:\/\//.test(url)) return { ok: false, reason: "must start with redis:// or rediss://" };
  if (url.includes("?"))
    return { ok: false, reason: "must not have a query string: only scheme, host, port and database" };
  if (url.includes("#")) return { ok: false, reason: "must not have a fragment" };
  const match = URL_PATTERN.exec(url);
  if (!match)
    return {
      ok: false,
      reason:
        "must be redis[s]://[user[:password]@]host[:port][/db] (credentials percent-encoded, db a number)",
    };
  const [, scheme, userinfo, rawHost = "", rawPort, rawDb] = match;
  const host = normalizeRedisHost(rawHost);
  if (host === null) return { ok: false, reason: `has an invalid host "${rawHost}"` };
  const port = rawPort === undefined ? 6379 : Number(rawPort);
  if (port < 1 || port > 65535) return { ok: false, reason: "has a port outside 1-65535" };
  const db = rawDb === undefined || rawDb === "" ? 0 : Number(rawDb);
  if (db > MAX_REDIS_DB) return { ok: false, reason: `has a database number above ${MAX_REDIS_DB}` };
  let username: string | null = null;
  let password: string | null = null;
  if (userinfo !== undefined && userinfo !== "") {
    const separator = userinfo.indexOf(":");
    const rawUser = separator === -1 ? userinfo : userinfo.slice(0, separator);
    const rawPassword = separator === -1 ? null : userinfo.slice(separator + 1);
    username = rawUser === "" ? null : decodeUserinfoPart(rawUser);
    password = rawPassword === null || rawPassword === "" ? null : decodeUserinfoPart(rawPassword);
    if ((rawUser !== "" && username === null) || (rawPassword && password === null))
      return { ok: false, reason: "has credentials that are not validly percent-encoded" };
  }
  return { ok: true, value: { tls: scheme === "rediss", host, port, db, username, password } };
}

/** The identity of the data a store writes: one store per (host, port, db, prefix), so no store clobbers another's. */
export function storeTargetKey(target: { host: string; port: number; db: number; prefix: string }): string {
  return `${target.host}|${target.port}|${target.db}|${target.prefix}`;
}
