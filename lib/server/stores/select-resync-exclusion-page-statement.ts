import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";
import { RESYNC_PAGE_SIZE } from "@/lib/server/stores/select-resync-member-page-statement";

export type SelectResyncExclusionPageParams = {
  segmentId: number;
  after: string;
};

/** A page of a segment's excluded keys, after the last one written. */
export const selectResyncExclusionPageStatement = sqlStatement<SelectResyncExclusionPageParams>(
  "tributary_select_resync_exclusion_page",
  { segmentId: "", after: "" },
  (p) =>
    `select context_key from segment_exclusion where segment_id = ${p.segmentId} and context_key > ${p.after} order by context_key limit ${RESYNC_PAGE_SIZE}`,
);
