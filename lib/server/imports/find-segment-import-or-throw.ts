import "server-only";
import { lockSegmentImportStatement } from "@/lib/server/imports/lock-segment-import-statement";
import { selectSegmentImportStatement } from "@/lib/server/imports/select-segment-import-statement";
import type { PoolClient } from "pg";
import { z } from "zod";
import { IMPORT_TTL_HOURS } from "@/lib/schemas/segment-import";
import { ApiError } from "@/lib/server/api/errors";
import type { SegmentImportRow } from "@/lib/server/imports/serialize-segment-import";

export type ImportLookup = {
  importId: string;
  segmentId: number;
  owner: string;
  /** Lock the row until the transaction ends, so chunks, commit and discard of one import run one at a time. */
  forUpdate: boolean;
};

const uuid = z.uuid();

/**
 * An import of this segment started by this principal. Someone else's import, an expired one and a malformed id are all
 * 404, so import ids reveal nothing.
 */
export async function findSegmentImportOrThrow(
  client: Pick<PoolClient, "query">,
  lookup: ImportLookup,
): Promise<SegmentImportRow> {
  const notFound = new ApiError(
    "not_found",
    `Import "${lookup.importId}" not found (imports expire after ${IMPORT_TTL_HOURS} hours)`,
  );
  if (!uuid.safeParse(lookup.importId).success) throw notFound;
  const statement = lookup.forUpdate ? lockSegmentImportStatement : selectSegmentImportStatement;
  const result = await client.query<SegmentImportRow>(
    statement.query({
      importId: lookup.importId,
      segmentId: lookup.segmentId,
      owner: lookup.owner,
      ttlHours: IMPORT_TTL_HOURS,
    }),
  );
  const row = result.rows[0];
  if (row === undefined) throw notFound;
  return row;
}
