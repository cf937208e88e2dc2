import "server-only";
import { logger } from "@/lib/server/logger";
import { createRejectedPushQueue } from "@/lib/server/rejected-pushes/create-rejected-push-queue";
import { pruneRejectedPushes } from "@/lib/server/rejected-pushes/prune-rejected-pushes";
import { REJECTED_PUSH_PRUNE_INTERVAL_MS } from "@/lib/server/rejected-pushes/rejected-push-limits";
import type { Refusal } from "@/lib/server/rejected-pushes/refusal";
import { storeRejectedPush } from "@/lib/server/rejected-pushes/store-rejected-push";

let lastPrunedAt = 0;

async function writeAndPrune(refusal: Refusal): Promise<void> {
  await storeRejectedPush(refusal);
  if (Date.now() - lastPrunedAt < REJECTED_PUSH_PRUNE_INTERVAL_MS) return;
  lastPrunedAt = Date.now();
  await pruneRejectedPushes();
}

/** This process's recorder of refused partner pushes and membership requests (`flush` lets tests await the writes). */
export const rejectedPushQueue = createRejectedPushQueue({
  write: writeAndPrune,
  onWriteError: (error, refusal) =>
    logger.error("recording a rejected push failed", {
      error,
      integration: refusal.integrationKey,
      status: refusal.status,
    }),
  onDropped: (dropped) => logger.error("rejected pushes not recorded: the queue was full", { dropped }),
});
