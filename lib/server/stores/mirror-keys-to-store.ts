import "server-only";
import type { Redis } from "ioredis";
import type pg from "pg";
import { excludeSetKey, includeSetKey } from "@/lib/server/stores/big-segment-keys";

type CurrentSegment = { id: number; ref: string } | null;

/**
 * Makes the store agree with PostgreSQL for these keys of one segment ref: each key's include/exclude set holds the ref
 * exactly when PostgreSQL has the key included/excluded in the segment that currently carries that ref. Idempotent and
 * independent of order, so replays and reordering are harmless.
 */
export async function mirrorKeysToStore(
  db: pg.ClientBase,
  redis: Redis,
  prefix: string,
  ref: string,
  current: CurrentSegment,
  contextKeys: readonly string[],
): Promise<void> {
  let included = new Set<string>();
  let excluded = new Set<string>();
  if (current && current.ref === ref) {
    const [inc, exc] = await Promise.all([
      db.query<{ context_key: string }>(
        "select context_key from segment_member where segment_id = $1 and context_key = any($2::text[])",
        [current.id, contextKeys],
      ),
      db.query<{ context_key: string }>(
        "select context_key from segment_exclusion where segment_id = $1 and context_key = any($2::text[])",
        [current.id, contextKeys],
      ),
    ]);
    included = new Set(inc.rows.map((row) => row.context_key));
    excluded = new Set(exc.rows.map((row) => row.context_key));
  }
  const pipeline = redis.pipeline();
  for (const key of contextKeys) {
    if (included.has(key)) pipeline.sadd(includeSetKey(prefix, key), ref);
    else pipeline.srem(includeSetKey(prefix, key), ref);
    if (excluded.has(key)) pipeline.sadd(excludeSetKey(prefix, key), ref);
    else pipeline.srem(excludeSetKey(prefix, key), ref);
  }
  const results = await pipeline.exec();
  const failure = results?.find(([error]) => error !== null);
  if (failure?.[0]) throw failure[0];
}
