import "server-only";
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * What to do with one context's include and exclude set of a segment ref: "+" adds the ref, "-" removes it, "." leaves the
 * set alone. The first character is the include set, the second the exclude set.
 */
export type SetOps = `${"+" | "-" | "."}${"+" | "-" | "."}`;

// One script call per chunk instead of two commands per key: ioredis spends several microseconds of CPU (and garbage) on
// every pipelined command, which made mirroring a million keys cost minutes of CPU; the script costs Redis about the same.
const SCRIPT = `
local includePrefix = ARGV[1] .. ":big_segment_include:"
local excludePrefix = ARGV[1] .. ":big_segment_exclude:"
local ref = ARGV[2]
for i = 3, #ARGV, 2 do
  local hash = ARGV[i]
  local ops = ARGV[i + 1]
  local include = string.sub(ops, 1, 1)
  local exclude = string.sub(ops, 2, 2)
  if include == "+" then redis.call("SADD", includePrefix .. hash, ref)
  elseif include == "-" then redis.call("SREM", includePrefix .. hash, ref) end
  if exclude == "+" then redis.call("SADD", excludePrefix .. hash, ref)
  elseif exclude == "-" then redis.call("SREM", excludePrefix .. hash, ref) end
end
return 0`;
const SCRIPT_SHA = createHash("sha1").update(SCRIPT).digest("hex");

/** Contexts per script call: one call holds Redis for a few milliseconds at most, so SDK reads are not held up. */
const CONTEXTS_PER_CALL = 1000;

async function runScript(redis: Redis, args: string[]): Promise<void> {
  try {
    await redis.evalsha(SCRIPT_SHA, 0, ...args);
  } catch (error) {
    // A Redis that has not seen the script yet (or restarted): EVAL loads it for the next calls.
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    await redis.eval(SCRIPT, 0, ...args);
  }
}

/**
 * Applies `ops[i]` to the sets of the context whose key hashes to `hashes[i]` (see `contextKeyHash`), for one segment ref.
 * The calls are pipelined on the connection; the first failure is thrown after all of them have settled.
 */
export async function applyBigSegmentOps(
  redis: Redis,
  prefix: string,
  ref: string,
  hashes: readonly string[],
  ops: readonly SetOps[],
): Promise<void> {
  const calls: Promise<void>[] = [];
  for (let start = 0; start < hashes.length; start += CONTEXTS_PER_CALL) {
    const end = Math.min(hashes.length, start + CONTEXTS_PER_CALL);
    const args: string[] = [prefix, ref];
    for (let index = start; index < end; index++) args.push(hashes[index] ?? "", ops[index] ?? "..");
    calls.push(runScript(redis, args));
  }
  const settled = await Promise.allSettled(calls);
  const failure = settled.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}
