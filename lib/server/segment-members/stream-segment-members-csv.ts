import "server-only";
import { pgPool } from "@/lib/server/db";
import { formatSegmentMemberCsvRow } from "@/lib/server/segment-members/format-segment-member-csv-row";

/** Rows per query: big enough that round trips do not dominate, small enough to bound memory per download. */
export const EXPORT_BATCH_SIZE = 10_000;

type ExportRow = { context_key: string; added_at: Date };

const FIRST_BATCH = {
  name: "tributary_members_export_first",
  text: `SELECT context_key, added_at FROM segment_member WHERE segment_id = $1
         ORDER BY context_key LIMIT $2`,
};

const NEXT_BATCH = {
  name: "tributary_members_export_next",
  text: `SELECT context_key, added_at FROM segment_member WHERE segment_id = $1 AND context_key > $3
         ORDER BY context_key LIMIT $2`,
};

async function readBatch(segmentId: number, after: string | null): Promise<ExportRow[]> {
  const statement = after === null ? FIRST_BATCH : NEXT_BATCH;
  const values: (number | string)[] = [segmentId, EXPORT_BATCH_SIZE];
  if (after !== null) values.push(after);
  const result = await pgPool().query<ExportRow>({ ...statement, values });
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
