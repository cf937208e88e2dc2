import "server-only";
import { deleteSegmentImportStatement } from "@/lib/server/imports/delete-segment-import-statement";
import { ApiError } from "@/lib/server/api/errors";
import {
  findSegmentImportOrThrow,
  type ImportLookup,
} from "@/lib/server/imports/find-segment-import-or-throw";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";

/** Drops an open import and its staged keys (the user cancelled); the segment is untouched. */
export async function discardSegmentImport(lookup: Omit<ImportLookup, "forUpdate">): Promise<void> {
  await runSqlTransaction(async (client) => {
    const row = await findSegmentImportOrThrow(client, { ...lookup, forUpdate: true });
    if (row.committed_at !== null) {
      throw new ApiError("conflict", `Import "${row.id}" was already committed and cannot be discarded`);
    }
    await client.query(deleteSegmentImportStatement.query({ importId: row.id }));
  });
}
