import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentPatch } from "@/lib/schemas/segment";
import { assertAccessOrHide } from "@/lib/server/access/assert-access-or-hide";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { applySegmentPatch } from "@/lib/server/segments/apply-segment-patch";
import { segmentPatchFields, type SegmentField } from "@/lib/server/segments/segment-patch-fields";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";
import { lockSegment } from "@/lib/server/row-locks/lock-segment-statement";

type EnvironmentWithProject = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

const FIELD_ACTIONS: Record<SegmentField, string> = {
  name: "updateName",
  description: "updateDescription",
  tags: "updateTags",
};

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

/**
 * Applies a patch to one segment inside the caller's transaction: locks the row, checks each touched setting's action
 * (403 otherwise; 404 as for a missing segment when the caller may neither view the segment nor do any of it) before the
 * patch, and so any `test`, is evaluated, writes, and records the audit entry. A touched setting counts as edited by hand even when its value
 * does not change; `version` goes up only when a value does.
 */
export async function updateSegmentInTransaction(
  tx: Prisma.TransactionClient,
  principal: Principal,
  environment: EnvironmentWithProject,
  segmentKey: string,
  patch: SegmentPatch,
) {
  const fields = segmentPatchFields(patch);
  const id = await lockSegment(tx, { environmentId: environment.id, segmentKey });
  const notFound = () => segmentsNotFound(environment.project.key, environment.key, [segmentKey]);
  if (id === undefined) throw notFound();
  const current = await tx.segment.findUniqueOrThrow({ where: { id } });
  const target = segmentResource(environment.project, environment, current);
  const actions = [...fields].map((field) => FIELD_ACTIONS[field]);
  assertAccessOrHide(principal, { view: "viewSegment", actions, resource: target, notFound });

  const next = applySegmentPatch(current, patch);
  const [firstAction] = actions;
  if (firstAction === undefined) return current;

  const changed =
    next.name !== current.name ||
    next.description !== current.description ||
    !sameTags(next.tags, current.tags);
  const updated = await tx.segment.update({
    where: { id },
    data: {
      name: next.name,
      description: next.description,
      tags: next.tags,
      ...(changed ? { version: { increment: 1 } } : {}),
      ...(fields.has("name") ? { nameEditedByHand: true } : {}),
      ...(fields.has("description") ? { descriptionEditedByHand: true } : {}),
      ...(fields.has("tags") ? { tagsEditedByHand: true } : {}),
    },
  });
  const settings = (row: typeof current) => ({
    name: row.name,
    description: row.description,
    tags: row.tags,
    version: row.version,
  });
  await recordAuditEntry(tx, principal, {
    kind: "segment",
    name: updated.name,
    description: `Updated ${[...fields].join(", ")} of segment ${updated.key}${patch.comment ? `: ${patch.comment}` : ""}`,
    action: firstAction,
    target,
    previous: settings(current),
    current: settings(updated),
    comment: patch.comment,
  });
  return updated;
}
