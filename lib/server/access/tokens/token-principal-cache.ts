import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";
import type { Principal } from "@/lib/server/access/principal";

/** The channel the access triggers (migration `token_principal_cache`) notify on any change a principal depends on. */
export const ACCESS_CHANGED_CHANNEL = "tributary_access_changed";

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;
const RECONNECT_AFTER_MS = 1_000;

export type CachedPrincipal = {
  principal: Principal;
  tokenId: string;
  /** Epoch ms after which the value no longer authenticates (the token's expiry, or a reset's grace period). */
  validUntil: number | null;
  /** Epoch ms of the token's last recorded use. */
  lastUsedAt: number | null;
};

type Entry = CachedPrincipal & { cachedAt: number };

type CacheState = {
  entries: Map<string, Entry>;
  /** Bumped on every invalidation: a principal read from the database before it may not be stored after it. */
  generation: number;
  /** Entries are only served while the listener is connected, since a notification missed meanwhile is lost. */
  listening: boolean;
  listener: pg.Client | null;
  connecting: boolean;
  stopped: boolean;
};

// Process-wide: the web server's hot routes and Next.js's route bundles each have their own copy of this module.
const holder = globalThis as unknown as { tributaryTokenPrincipals?: CacheState };

function state(): CacheState {
  holder.tributaryTokenPrincipals ??= {
    entries: new Map(),
    generation: 0,
    listening: false,
    listener: null,
    connecting: false,
    stopped: false,
  };
  return holder.tributaryTokenPrincipals;
}

function invalidate(cache: CacheState): void {
  cache.generation++;
  cache.entries.clear();
}

function listen(cache: CacheState): void {
  if (cache.connecting || cache.listener || cache.stopped) return;
  cache.connecting = true;
  const client = new pg.Client({ connectionString: requireDatabaseUrl(), connectionTimeoutMillis: 2_000 });
  const lost = () => {
    if (cache.listener !== client && !cache.connecting) return;
    cache.listening = false;
    cache.listener = null;
    cache.connecting = false;
    invalidate(cache);
    client.end().catch(() => undefined);
    if (!cache.stopped) setTimeout(() => listen(cache), RECONNECT_AFTER_MS).unref();
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", () => invalidate(cache));
  client
    .connect()
    .then(() => client.query(`LISTEN ${ACCESS_CHANGED_CHANNEL}`))
    .then(() => {
      // The listener must not keep a process alive on its own (scripts, tests); the app's server does that.
      (client as unknown as { connection: { stream: { unref?: () => void } } }).connection.stream.unref?.();
      cache.connecting = false;
      cache.listener = client;
      // Anything cached before now may have missed a notification.
      invalidate(cache);
      cache.listening = true;
    })
    .catch(lost);
}

/**
 * Resolved token principals, kept briefly so an API request costs one round trip fewer. Never stale for longer than
 * PostgreSQL takes to deliver a notification: triggers on the access tables NOTIFY every instance on commit, and the
 * process that made a change through the API forgets at once. While the listener is disconnected nothing is served.
 */
export const tokenPrincipalCache = {
  /** The generation to pass to `remember` for a principal about to be read from the database. */
  generation(): number {
    const cache = state();
    if (!cache.listening) listen(cache);
    return cache.generation;
  },

  get(hashedValue: string, now: number): CachedPrincipal | null {
    const cache = state();
    if (!cache.listening) return null;
    const entry = cache.entries.get(hashedValue);
    if (!entry) return null;
    if (now - entry.cachedAt > MAX_AGE_MS || (entry.validUntil !== null && entry.validUntil <= now)) {
      cache.entries.delete(hashedValue);
      return null;
    }
    return entry;
  },

  remember(hashedValue: string, value: CachedPrincipal, readAtGeneration: number, now: number): void {
    const cache = state();
    if (!cache.listening || cache.generation !== readAtGeneration) return;
    if (cache.entries.size >= MAX_ENTRIES) {
      const oldest = cache.entries.keys().next();
      if (!oldest.done) cache.entries.delete(oldest.value);
    }
    cache.entries.set(hashedValue, { ...value, cachedAt: now });
  },

  /** After a change to tokens, members or roles in this process: forget everything, before the notification arrives. */
  forgetAll(): void {
    invalidate(state());
  },

  /** Closes the listener (disconnectDatabase). */
  async stop(): Promise<void> {
    const cache = state();
    cache.stopped = true;
    cache.listening = false;
    invalidate(cache);
    const listener = cache.listener;
    cache.listener = null;
    await listener?.end().catch(() => undefined);
    holder.tributaryTokenPrincipals = undefined;
  },
};
