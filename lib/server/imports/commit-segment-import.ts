import "server-only";
import { deleteStagedImportKeysStatement } from "@/lib/server/imports/delete-staged-import-keys-statement";
import { markImportCommittedStatement } from "@/lib/server/imports/mark-import-committed-statement";
import { selectImportSkippedRowsStatement } from "@/lib/server/imports/select-import-skipped-rows-statement";
import { selectStagedImportKeysStatement } from "@/lib/server/imports/select-staged-import-keys-statement";
import { selectImportRemovalsStatement } from "@/lib/server/imports/select-import-removals-statement";
import { countImportRemovalsStatement } from "@/lib/server/imports/count-import-removals-statement";
import { lockImportSegmentStatement } from "@/lib/server/imports/lock-import-segment-statement";
import { z } from "zod";
import {
  IMPORT_SUMMARY_SKIPPED_ROWS,
  replaceNeedsConfirmation,
  type ImportSummary,
} from "@/lib/schemas/segment-import";
import { skippedMemberSchema } from "@/lib/schemas/sync-run";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { findSegmentImportOrThrow } from "@/lib/server/imports/find-segment-import-or-throw";
import { importOwner } from "@/lib/server/imports/import-owner";
import { applyMembershipChanges } from "@/lib/server/membership/apply-membership-changes";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";
import { syncRunActor } from "@/lib/server/membership/sync-run-actor";

// Written by this server (add-import-chunk.ts); read defensively like a sync run's list.
const storedSkippedRows = z.array(skippedMemberSchema).catch([]);

export type ImportCommitRequest = {
  principal: Principal;
  segment: { id: number; key: string; name: string; environmentId: string };
  /** The segment's resource name, already checked for `updateIncluded`; the audit entry's target. */
  resource: string;
  importId: string;
  confirm: boolean;
};

/**
 * Applies an import's staged keys in one transaction, as one sync run with source `import`, through the membership
 * engine: merge adds them; replace adds them and removes every member not among them. A replace that would remove more
 * than half of the members is refused (409) unless confirmed. The import is then closed: committing again is a 409.
 */
export async function commitSegmentImport(request: ImportCommitRequest): Promise<ImportSummary> {
  const { principal, segment, importId } = request;
  const startedAt = new Date();
  return runSqlTransaction(async (client) => {
    const row = await findSegmentImportOrThrow(client, {
      importId,
      segmentId: segment.id,
      owner: importOwner(principal),
      forUpdate: true,
    });
    if (row.committed_at !== null) {
      throw new ApiError(
        "conflict",
        `Import "${row.id}" was already committed (sync run ${row.sync_run_id ?? "unknown"}); start a new import`,
      );
    }
    // Lock the segment before reading its members, so no push lands between the diff and its application.
    const locked = await client.query<{ included_count: number }>(
      lockImportSegmentStatement.query({ segmentId: segment.id }),
    );
    const current = locked.rows[0]?.included_count;
    if (current === undefined) throw new ApiError("not_found", `Segment "${segment.key}" was deleted`);

    let remove: string[] = [];
    if (row.mode === "replace") {
      const toRemove = await client.query<{ count: number }>(
        countImportRemovalsStatement.query({ segmentId: segment.id, importId: row.id }),
      );
      const count = toRemove.rows[0]?.count ?? 0;
      if (!request.confirm && replaceNeedsConfirmation(count, current)) {
        throw new ApiError(
          "conflict",
          `This replace removes ${count} of ${current} members (more than half); commit with {"confirm": true} to apply it`,
        );
      }
      if (count > 0) {
        const keys = await client.query<{ context_key: string }>(
          selectImportRemovalsStatement.query({ segmentId: segment.id, importId: row.id }),
        );
        remove = keys.rows.map((key) => key.context_key);
      }
    }
    const staged = await client.query<{ context_key: string }>(
      selectStagedImportKeysStatement.query({ importId: row.id }),
    );
    const add = staged.rows.map((key) => key.context_key);
    const skippedRows = await client.query<{ skipped_rows: unknown }>(
      selectImportSkippedRowsStatement.query({ importId: row.id }),
    );
    const skipped = storedSkippedRows.parse(skippedRows.rows[0]?.skipped_rows);

    const outcome = await applyMembershipChanges(client, {
      environmentId: segment.environmentId,
      source: "import",
      actor: syncRunActor(principal),
      startedAt,
      received: row.received,
      changes: [
        {
          segmentId: segment.id,
          segmentKey: segment.key,
          // The staged keys are segment_import_key's primary key, and the removes are members not among them.
          included: { add, remove, distinct: true },
          received: row.received,
          skipped,
        },
      ],
    });
    await client.query(
      markImportCommittedStatement.query({ importId: row.id, syncRunId: outcome.syncRunId }),
    );
    await client.query(deleteStagedImportKeysStatement.query({ importId: row.id }));

    const { added, removed, unchanged } = outcome.counts;
    await recordAuditEntry(client, principal, {
      kind: "sync",
      name: segment.name,
      description: `Imported a CSV into segment ${segment.key} (${row.mode}): ${added} added, ${removed} removed, ${unchanged} unchanged`,
      action: "updateIncluded",
      target: request.resource,
      current: {
        syncRunId: outcome.syncRunId,
        source: "import",
        mode: row.mode,
        status: outcome.status,
        counts: outcome.counts,
      },
    });
    return {
      syncRunId: outcome.syncRunId,
      status: outcome.status,
      ...outcome.counts,
      skippedRows: skipped.slice(0, IMPORT_SUMMARY_SKIPPED_ROWS),
      includedCount: outcome.segments[0]?.includedCount ?? current,
    };
  });
}
