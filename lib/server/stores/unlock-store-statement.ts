import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type UnlockStoreParams = {
  lockKey: string;
};

/** Releases a store claimed with the try-lock statement. */
export const unlockStoreStatement = sqlStatement<UnlockStoreParams>(
  "tributary_unlock_store",
  { lockKey: "" },
  (p) => `select pg_advisory_unlock(hashtext(${p.lockKey}))`,
);
