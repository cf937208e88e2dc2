import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type DeleteExpiredImportsParams = {
  ttlHours: number;
};

/** Drops the imports older than their time to live, with their staged keys. */
export const deleteExpiredImportsStatement = sqlStatement<DeleteExpiredImportsParams>(
  "tributary_delete_expired_imports",
  { ttlHours: "" },
  (p) => `DELETE FROM segment_import WHERE created_at < now() - make_interval(hours => ${p.ttlHours})`,
);
