import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type TouchTokenLastUsedParams = {
  tokenId: string;
  usedAt: Date;
};

/** Records a token's last use, at most once a minute. */
export const touchTokenLastUsedStatement = sqlStatement<TouchTokenLastUsedParams>(
  "touch-token-last-used",
  { tokenId: "", usedAt: "" },
  (p) => `update access_token set last_used_at = ${p.usedAt}
           where id = ${p.tokenId} and (last_used_at is null or last_used_at < ${p.usedAt}::timestamptz - interval '60 seconds')`,
);
