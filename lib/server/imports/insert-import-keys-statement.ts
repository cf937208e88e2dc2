import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type InsertImportKeysParams = {
  importId: string;
  contextKeys: string[];
};

/** Stages a chunk of context keys for an import, once each. */
export const insertImportKeysStatement = sqlStatement<InsertImportKeysParams>(
  "tributary_insert_import_keys",
  { importId: "", contextKeys: "" },
  (p) => `INSERT INTO segment_import_key (import_id, context_key)
       SELECT ${p.importId}, k FROM unnest(${p.contextKeys}::text[]) AS k ORDER BY k COLLATE "C"
       ON CONFLICT DO NOTHING`,
);
