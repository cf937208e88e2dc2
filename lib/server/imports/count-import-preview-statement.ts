import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type CountImportPreviewParams = {
  importId: string;
  segmentId: number;
};

/** The segment's member count and how many of an import's staged keys are already members. */
export const countImportPreviewStatement = sqlStatement<CountImportPreviewParams>(
  "tributary_count_import_preview",
  { importId: "", segmentId: "" },
  (p) => `SELECT s.included_count AS current_count,
            (SELECT count(*)::int FROM segment_import_key k
             WHERE k.import_id = ${p.importId}
               AND EXISTS (SELECT 1 FROM segment_member m WHERE m.segment_id = s.id AND m.context_key = k.context_key)
            ) AS unchanged
     FROM segment s WHERE s.id = ${p.segmentId}`,
);
