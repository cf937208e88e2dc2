import { MAX_QUEUED_REFUSALS } from "@/lib/server/rejected-pushes/rejected-push-limits";
import { refusalSignature, type Refusal } from "@/lib/server/rejected-pushes/refusal";

export type RejectedPushQueue = {
  /** Queues a refusal to be written after the current response; never throws, never waits. */
  record(refusal: Refusal): void;
  /** Resolves once every refusal recorded so far has been written (or its failure logged): for tests and shutdown. */
  flush(): Promise<void>;
};

export type RejectedPushQueueOptions = {
  write: (refusal: Refusal) => Promise<void>;
  onWriteError: (error: unknown, refusal: Refusal) => void;
  /** Called after a drain with how many refusals found the queue full. */
  onDropped: (dropped: number) => void;
  maxQueued?: number;
};

/**
 * One writer per process, one refusal at a time, so recording never holds more than one database connection and a
 * flood of refusals waits here instead of in the pool. Identical refusals waiting together become one with a count.
 */
export function createRejectedPushQueue(options: RejectedPushQueueOptions): RejectedPushQueue {
  const maxQueued = options.maxQueued ?? MAX_QUEUED_REFUSALS;
  const waiting = new Map<string, Refusal>();
  let dropped = 0;
  let draining: Promise<void> | null = null;

  async function drain(): Promise<void> {
    // Let the response that recorded the refusal go out first.
    await new Promise((resolve) => setImmediate(resolve));
    for (let next = waiting.entries().next(); !next.done; next = waiting.entries().next()) {
      const [signature, refusal] = next.value;
      waiting.delete(signature);
      try {
        await options.write(refusal);
      } catch (error) {
        options.onWriteError(error, refusal);
      }
    }
    // Synchronously after seeing the queue empty, so a refusal recorded from now on starts a new drain.
    draining = null;
    if (dropped > 0) {
      const count = dropped;
      dropped = 0;
      options.onDropped(count);
    }
  }

  return {
    record(refusal) {
      const signature = refusalSignature(refusal);
      const same = waiting.get(signature);
      if (same) {
        same.count += refusal.count;
        same.lastAt = refusal.lastAt;
        return;
      }
      if (waiting.size >= maxQueued) {
        dropped += refusal.count;
        return;
      }
      waiting.set(signature, refusal);
      draining ??= drain();
    },
    async flush() {
      while (draining) await draining;
    },
  };
}
