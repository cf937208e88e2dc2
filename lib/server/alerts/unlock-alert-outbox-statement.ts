import "server-only";
import type { AlertLockParams } from "@/lib/server/alerts/try-lock-alert-outbox-statement";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

/** Releases what the alert try-lock statement claimed. */
export const unlockAlertOutboxStatement = sqlStatement<AlertLockParams>(
  "tributary_unlock_alert_outbox",
  { lockKey: "" },
  (p) => `select pg_advisory_unlock(hashtext(${p.lockKey}))`,
);
