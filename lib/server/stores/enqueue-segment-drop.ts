import "server-only";
import { enqueueSegmentDropStatement } from "@/lib/server/stores/enqueue-segment-drop-statement";
import type pg from "pg";

/**
 * Before a segment's members are deleted, records every member key (in chunks of 10,000, set-based) so the worker removes
 * the segment's ref from each context in the stores. Call it in the deleting transaction.
 */
export async function enqueueSegmentDrop(
  client: pg.ClientBase,
  environmentId: string,
  segment: { id: number; ref: string },
): Promise<void> {
  await client.query(
    enqueueSegmentDropStatement.query({ environmentId, segmentId: segment.id, segmentRef: segment.ref }),
  );
}
