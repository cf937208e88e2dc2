import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type WaitForSnapshotParams = {
  resumeFrom: string;
};

/** Whether every transaction running when the resync started has finished. */
export const waitForSnapshotStatement = sqlStatement<WaitForSnapshotParams>(
  "tributary_wait_for_snapshot",
  { resumeFrom: "" },
  (p) => `select pg_snapshot_xmin(pg_current_snapshot()) >= ${p.resumeFrom}::text::xid8 as done`,
);
