import "server-only";
import { deleteSegmentRowStatement } from "@/lib/server/segments/delete-segment-row-statement";
import { deleteSegmentExclusionsStatement } from "@/lib/server/segments/delete-segment-exclusions-statement";
import { deleteSegmentMembersStatement } from "@/lib/server/segments/delete-segment-members-statement";
import { lockSegmentForDeleteStatement } from "@/lib/server/segments/lock-segment-for-delete-statement";
import { assertAccessOrHide } from "@/lib/server/access/assert-access-or-hide";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";
import { segmentRef } from "@/lib/server/stores/big-segment-keys";
import { enqueueSegmentDrop } from "@/lib/server/stores/enqueue-segment-drop";

type EnvironmentWithProject = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

type SegmentRow = {
  id: number;
  key: string;
  name: string;
  description: string | null;
  tags: string[];
  version: number;
  generation: number;
  included_count: number;
  excluded_count: number;
};

/**
 * Deletes a segment and its members in one transaction, and queues the removal of its ref from every enabled store.
 * segment_generation keeps the key's last generation, so a segment created again with this key (by the API or by a sync)
 * gets the next one.
 */
export async function deleteSegment(
  principal: Principal,
  environment: EnvironmentWithProject,
  segmentKey: string,
): Promise<void> {
  await runSqlTransaction(async (client) => {
    // The membership engine locks the segment row before writing members, so no write can land between these deletes.
    const locked = await client.query<SegmentRow>(
      lockSegmentForDeleteStatement.query({ environmentId: environment.id, segmentKey }),
    );
    const segment = locked.rows[0];
    const notFound = () => segmentsNotFound(environment.project.key, environment.key, [segmentKey]);
    if (segment === undefined) throw notFound();
    const target = segmentResource(environment.project, environment, segment);
    assertAccessOrHide(principal, {
      view: "viewSegment",
      actions: ["deleteSegment"],
      resource: target,
      notFound,
    });

    await enqueueSegmentDrop(client, environment.id, {
      id: segment.id,
      ref: segmentRef(segment.key, segment.generation),
    });
    // The member tables have no foreign key (tens of millions of rows), so they are cleared set-based here.
    await client.query(deleteSegmentMembersStatement.query({ segmentId: segment.id }));
    await client.query(deleteSegmentExclusionsStatement.query({ segmentId: segment.id }));
    await client.query(deleteSegmentRowStatement.query({ segmentId: segment.id }));
    await recordAuditEntry(client, principal, {
      kind: "segment",
      name: segment.name,
      description: `Deleted segment ${segment.key} from ${environment.project.key}/${environment.key}`,
      action: "deleteSegment",
      target,
      previous: {
        key: segment.key,
        name: segment.name,
        description: segment.description,
        tags: segment.tags,
        version: segment.version,
        generation: segment.generation,
        includedCount: segment.included_count,
        excludedCount: segment.excluded_count,
      },
    });
  });
}
