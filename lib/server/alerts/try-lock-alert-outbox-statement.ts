import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type AlertLockParams = { lockKey: string };

/** Claims the alert outbox (or the rule evaluation) for this worker, without waiting, when no other worker holds it. */
export const tryLockAlertOutboxStatement = sqlStatement<AlertLockParams>(
  "tributary_try_lock_alert_outbox",
  { lockKey: "" },
  (p) => `select pg_try_advisory_lock(hashtext(${p.lockKey})) as locked`,
);
