import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectMemberHashesParams = { segmentId: number; hashes: string[] };

/**
 * Which of the given context-key hashes (contextKeyHash's standard base64 of SHA-256) belong to a member of the segment.
 * PostgreSQL keeps no hash of a key, so this hashes every member of the segment: callers bound the segment's size.
 */
export const selectMemberHashesStatement = sqlStatement<SelectMemberHashesParams>(
  "tributary_select_member_hashes",
  { segmentId: "", hashes: "::text[]" },
  (p) => `select distinct hash from (
           select encode(sha256(convert_to(context_key, 'UTF8')), 'base64') as hash
           from segment_member where segment_id = ${p.segmentId}
         ) hashed where hash = any(${p.hashes})`,
);
