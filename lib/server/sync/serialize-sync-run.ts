import { z } from "zod";
import type { SyncRun } from "@/lib/generated/prisma/client";
import { SYNC_RUN_STATUSES, skippedMemberSchema, type SyncRunResponse } from "@/lib/schemas/sync-run";

// Written by this server, but read defensively: a malformed value shows as empty instead of failing the listing.
const storedSkipped = z.array(skippedMemberSchema).catch([]);
const storedStatus = z.enum(SYNC_RUN_STATUSES).catch("failed");

/** A sync run in the API's shape (api-contract §7). */
export function serializeSyncRun(run: SyncRun): SyncRunResponse {
  return {
    _id: run.id,
    source: run.source,
    status: storedStatus.parse(run.status),
    startedAt: run.startedAt.getTime(),
    durationMs: run.durationMs,
    token:
      run.tokenId !== null
        ? { _id: run.tokenId, name: run.tokenName ?? "", ending: run.tokenEnding ?? "" }
        : null,
    member: run.memberEmail !== null ? { email: run.memberEmail } : null,
    segments: run.segmentKeys,
    counts: {
      received: run.received,
      added: run.added,
      removed: run.removed,
      unchanged: run.unchanged,
      skipped: run.skipped,
    },
    skipped: storedSkipped.parse(run.skippedMembers),
    skippedTruncated: run.skippedTruncated,
    error: run.errorCode !== null ? { code: run.errorCode, message: run.errorMessage ?? "" } : null,
    includedCountAfter: run.includedCountAfter,
  };
}
