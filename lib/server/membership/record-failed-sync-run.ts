import "server-only";
import { prisma } from "@/lib/server/db";
import type { ApiError } from "@/lib/server/api/errors";
import { logger } from "@/lib/server/logger";
import type { SkippedEntry } from "@/lib/server/membership/apply-membership-changes";
import type { SyncRunActor } from "@/lib/server/membership/sync-run-actor";

const MAX_RECORDED_SKIPPED = 100;

export type FailedSyncRun = {
  environmentId: string;
  source: string;
  actor: SyncRunActor;
  startedAt: Date;
  /** Keys of the segments the push was for (existing or about to be created). */
  segmentKeys: readonly string[];
  /** The existing ones, so that each segment's sync history shows the failure. */
  segments: readonly { id: number; includedCount: number }[];
  received: number;
  skipped: readonly SkippedEntry[];
  error: ApiError;
};

/**
 * Records a push that was refused (403, or 400 for a context-kind mismatch) in a small transaction of its own, after the
 * push's own transaction rolled back. Best effort: a failure here is logged and never replaces the push's error.
 */
export async function recordFailedSyncRun(run: FailedSyncRun): Promise<void> {
  try {
    await prisma.syncRun.create({
      data: {
        environmentId: run.environmentId,
        source: run.source,
        status: "failed",
        startedAt: run.startedAt,
        durationMs: Math.max(0, Date.now() - run.startedAt.getTime()),
        tokenId: run.actor.tokenId,
        tokenName: run.actor.tokenName,
        tokenEnding: run.actor.tokenEnding,
        memberEmail: run.actor.memberEmail,
        segmentKeys: [...run.segmentKeys],
        received: run.received,
        skipped: run.skipped.length,
        skippedMembers: run.skipped.slice(0, MAX_RECORDED_SKIPPED),
        skippedTruncated: run.skipped.length > MAX_RECORDED_SKIPPED,
        errorCode: run.error.code,
        errorMessage: run.error.message,
        includedCountAfter:
          run.segments.length > 0
            ? run.segments.reduce((total, segment) => total + segment.includedCount, 0)
            : null,
        segments: {
          create: run.segments.map((segment) => ({
            segmentId: segment.id,
            startedAt: run.startedAt,
            includedCountAfter: segment.includedCount,
          })),
        },
      },
    });
  } catch (error) {
    logger.error("could not record a failed sync run", { source: run.source, error });
  }
}
