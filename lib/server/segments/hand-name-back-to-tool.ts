import "server-only";
import type { SegmentResponse } from "@/lib/schemas/segment";
import { assertAccessOrHide } from "@/lib/server/access/assert-access-or-hide";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { lockSegment } from "@/lib/server/row-locks/lock-segment-statement";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { SEGMENT_TRANSACTION_OPTIONS } from "@/lib/server/segments/update-segment";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type EnvironmentWithProject = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

/**
 * Undoes a hand rename of a synced segment: the name becomes the cohort name the tool sent last (when it sent one) and
 * follows the tool's syncs again. Needs `updateName`, like any rename; audited. A segment whose name already follows the
 * tool is answered unchanged, with nothing written.
 */
export async function handNameBackToTool(
  principal: Principal,
  environment: EnvironmentWithProject,
  segmentKey: string,
  comment: string | undefined,
): Promise<SegmentResponse> {
  const segment = await runTransaction(async (tx) => {
    const notFound = () => segmentsNotFound(environment.project.key, environment.key, [segmentKey]);
    const id = await lockSegment(tx, { environmentId: environment.id, segmentKey });
    if (id === undefined) throw notFound();
    const current = await tx.segment.findUniqueOrThrow({ where: { id } });
    const target = segmentResource(environment.project, environment, current);
    assertAccessOrHide(principal, {
      view: "viewSegment",
      actions: ["updateName"],
      resource: target,
      notFound,
    });
    if (current.external === null) {
      throw new ApiError(
        "invalid_request",
        `Segment "${segmentKey}" is not synced, so there is no tool to take its name from`,
      );
    }
    if (!current.nameEditedByHand) return current;
    const name = current.externalName ?? current.name;
    const updated = await tx.segment.update({
      where: { id },
      data: {
        name,
        nameEditedByHand: false,
        ...(name !== current.name ? { version: { increment: 1 } } : {}),
      },
    });
    const settings = (row: typeof current) => ({
      name: row.name,
      nameEditedByHand: row.nameEditedByHand,
      version: row.version,
    });
    await recordAuditEntry(tx, principal, {
      kind: "segment",
      name: updated.name,
      description: `Handed the name of segment ${updated.key} back to ${current.external}${comment ? `: ${comment}` : ""}`,
      action: "updateName",
      target,
      previous: settings(current),
      current: settings(updated),
      comment,
    });
    return updated;
  }, SEGMENT_TRANSACTION_OPTIONS);
  const location = { projectKey: environment.project.key, environmentKey: environment.key };
  return serializeSegment(segment, location, await loadSegmentTargets(segment));
}
