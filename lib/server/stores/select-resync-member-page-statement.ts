import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

/** Keys read per page while rebuilding a store. */
export const RESYNC_PAGE_SIZE = 10_000;

export type SelectResyncMemberPageParams = {
  segmentId: number;
  after: string;
};

/** A page of a segment's included keys, after the last one written. */
export const selectResyncMemberPageStatement = sqlStatement<SelectResyncMemberPageParams>(
  "tributary_select_resync_member_page",
  { segmentId: "", after: "" },
  (p) =>
    `select context_key from segment_member where segment_id = ${p.segmentId} and context_key > ${p.after} order by context_key limit ${RESYNC_PAGE_SIZE}`,
);
