import "server-only";
import type { SegmentPatch, SegmentResponse } from "@/lib/schemas/segment";
import type { Principal } from "@/lib/server/access/principal";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { updateSegmentInTransaction } from "@/lib/server/segments/update-segment-in-transaction";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type EnvironmentWithProject = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

/** Waiting for the row lock counts against the timeout; a sync may hold it for a large batch. */
export const SEGMENT_TRANSACTION_OPTIONS = { maxWaitMs: 10_000, timeoutMs: 60_000 };

/**
 * Applies a JSON Patch or semantic patch to a segment's name, description and tags. The row is locked for the whole
 * transaction, so two patches that `test` the same version cannot both win. Each touched setting needs its own action
 * on the segment (403 and nothing written otherwise).
 */
export async function updateSegment(
  principal: Principal,
  environment: EnvironmentWithProject,
  segmentKey: string,
  patch: SegmentPatch,
): Promise<SegmentResponse> {
  const segment = await runTransaction(
    (tx) => updateSegmentInTransaction(tx, principal, environment, segmentKey, patch),
    SEGMENT_TRANSACTION_OPTIONS,
  );
  const location = { projectKey: environment.project.key, environmentKey: environment.key };
  return serializeSegment(segment, location, await loadSegmentTargets(segment));
}
