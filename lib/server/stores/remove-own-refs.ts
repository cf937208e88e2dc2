import "server-only";
import type { Redis } from "ioredis";

/** Sets read per round trip while clearing a store. */
const SETS_PER_BATCH = 1000;

/** What follows `{prefix}:big_segment_include:` in a key this layout writes: a SHA-256 in padded base64. */
export const CONTEXT_HASH = /^[A-Za-z0-9+/]{43}=$/;

function segmentKeyOfRef(ref: string): string | null {
  return /^(.*)\.g\d+$/.exec(ref)?.[1] ?? null;
}

/**
 * Removes, from every include/exclude set under the prefix, the refs (`{segmentKey}.g{generation}`, any generation) of the
 * given segment keys, and nothing else: a set may also hold refs another writer put there, which are not ours to delete.
 */
export async function removeOwnRefs(
  redis: Redis,
  prefix: string,
  segmentKeys: ReadonlySet<string>,
): Promise<void> {
  for (const kind of ["include", "exclude"]) {
    let cursor = "0";
    do {
      const [next, matched] = await redis.scan(
        cursor,
        "MATCH",
        `${prefix}:big_segment_${kind}:*`,
        "COUNT",
        SETS_PER_BATCH,
      );
      cursor = next;
      // The pattern also matches keys of a store whose prefix extends ours (`{prefix}:big_segment_include:x:...`).
      const setPrefixLength = `${prefix}:big_segment_${kind}:`.length;
      const keys = matched.filter((key) => CONTEXT_HASH.test(key.slice(setPrefixLength)));
      if (keys.length === 0) continue;
      const read = redis.pipeline();
      for (const key of keys) read.smembers(key);
      const members = (await read.exec()) ?? [];
      const write = redis.pipeline();
      let writes = 0;
      keys.forEach((key, index) => {
        const [error, refs] = members[index] ?? [null, []];
        if (error) throw error;
        const own = (Array.isArray(refs) ? refs : []).filter((ref): ref is string => {
          const segmentKey = typeof ref === "string" ? segmentKeyOfRef(ref) : null;
          return segmentKey !== null && segmentKeys.has(segmentKey);
        });
        if (own.length === 0) return;
        write.srem(key, ...own);
        writes++;
      });
      if (writes > 0) {
        const results = (await write.exec()) ?? [];
        const failure = results.find(([error]) => error);
        if (failure?.[0]) throw failure[0];
      }
    } while (cursor !== "0");
  }
}
