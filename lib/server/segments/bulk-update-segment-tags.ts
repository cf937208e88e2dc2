import "server-only";
import { prisma } from "@/lib/server/db";
import type { SegmentBulkTags, SegmentPatch, SegmentResponse } from "@/lib/schemas/segment";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { SEGMENT_TRANSACTION_OPTIONS } from "@/lib/server/segments/update-segment";
import { updateSegmentInTransaction } from "@/lib/server/segments/update-segment-in-transaction";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type EnvironmentWithProject = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

function tagPatch(add: string[], remove: string[]): SegmentPatch {
  return {
    kind: "semantic",
    comment: "bulk tag change",
    instructions: [
      ...(add.length > 0 ? [{ kind: "addTags" as const, values: add }] : []),
      ...(remove.length > 0 ? [{ kind: "removeTags" as const, values: remove }] : []),
    ],
  };
}

/**
 * Adds and removes tags on several segments of an environment in one transaction: a missing segment or one the principal
 * may neither view nor tag (404, the same answer), a segment it may view but not tag (403) or a resulting tag list that is invalid (400) leaves every segment unchanged. Each segment
 * gets its own audit entry, and its `version` goes up only when its tags change. Rows are locked in key order so that two
 * bulk changes over overlapping segments cannot deadlock.
 */
export async function bulkUpdateSegmentTags(
  principal: Principal,
  environment: EnvironmentWithProject,
  input: SegmentBulkTags,
): Promise<SegmentResponse[]> {
  const keys = [...new Set(input.keys)];
  const existing = await prisma.segment.findMany({
    where: { environmentId: environment.id, key: { in: keys } },
    select: { key: true, tags: true },
  });
  const seen = (segment: { key: string; tags: string[] }) => {
    const resource = segmentResource(environment.project, environment, segment);
    return ["viewSegment", "updateTags"].some((action) => checkAccess(principal, action, resource).allowed);
  };
  const found = new Set(existing.filter(seen).map((segment) => segment.key));
  const missing = keys.filter((key) => !found.has(key));
  if (missing.length > 0) throw segmentsNotFound(environment.project.key, environment.key, missing);
  const patch = tagPatch(input.add ?? [], input.remove ?? []);
  const rows = await runTransaction(async (tx) => {
    const updated = [];
    for (const key of keys)
      updated.push(await updateSegmentInTransaction(tx, principal, environment, key, patch));
    return updated;
  }, SEGMENT_TRANSACTION_OPTIONS);
  const location = { projectKey: environment.project.key, environmentKey: environment.key };
  const byKey = new Map<string, SegmentResponse>();
  for (const row of rows) byKey.set(row.key, serializeSegment(row, location, await loadSegmentTargets(row)));
  return keys.flatMap((key) => {
    const segment = byKey.get(key);
    return segment === undefined ? [] : [segment];
  });
}
