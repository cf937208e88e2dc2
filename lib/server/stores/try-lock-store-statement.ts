import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type TryLockStoreParams = {
  lockKey: string;
};

/** Claims a store for this worker pass, without waiting, when no other worker holds it. */
export const tryLockStoreStatement = sqlStatement<TryLockStoreParams>(
  "tributary_try_lock_store",
  { lockKey: "" },
  (p) => `select pg_try_advisory_lock(hashtext(${p.lockKey})) as locked`,
);
