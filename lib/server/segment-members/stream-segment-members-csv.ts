import "server-only";
import { selectNextExportBatchStatement } from "@/lib/server/segment-members/select-next-export-batch-statement";
import { selectFirstExportBatchStatement } from "@/lib/server/segment-members/select-first-export-batch-statement";
import { pgPool } from "@/lib/server/db";
import { formatSegmentMemberCsvRow } from "@/lib/server/segment-members/format-segment-member-csv-row";

/** Rows per query: big enough that round trips do not dominate, small enough to bound memory per download. */
export const EXPORT_BATCH_SIZE = 10_000;

type ExportRow = { context_key: string; added_at: Date };

async function readBatch(segmentId: number, after: string | null): Promise<ExportRow[]> {
  const result = await pgPool().query<ExportRow>(
    after === null
      ? selectFirstExportBatchStatement.query({ segmentId, limit: EXPORT_BATCH_SIZE })
      : selectNextExportBatchStatement.query({ segmentId, limit: EXPORT_BATCH_SIZE, after }),
  );
  return result.rows;
}

function encodeBatch(rows: readonly ExportRow[], encoder: TextEncoder): Uint8Array {
  let text = "";
  for (const row of rows) text += formatSegmentMemberCsvRow(row.context_key, row.added_at);
  return encoder.encode(text);
}

/**
 * A segment's members as CSV (`context_key,added_at`), read in keyset batches as the client pulls: one batch at a time
 * in memory and no connection held between batches, so a slow download of millions of keys costs neither. The first
 * batch is read before the stream is returned, so a database error still becomes a proper error response.
 *
 * Batches are separate statements, so a download that runs while the segment changes reflects each batch's moment.
 */
export async function streamSegmentMembersCsv(segmentId: number): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let batch: ExportRow[] | null = await readBatch(segmentId, null);
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode("context_key,added_at\n"));
      },
      async pull(controller) {
        if (cancelled || batch === null) return;
        const current = batch;
        if (current.length > 0) controller.enqueue(encodeBatch(current, encoder));
        const last = current.at(-1);
        if (current.length < EXPORT_BATCH_SIZE || last === undefined) {
          batch = null;
          controller.close();
          return;
        }
        batch = await readBatch(segmentId, last.context_key);
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 1 },
  );
}
