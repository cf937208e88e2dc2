import "server-only";
import type { PoolClient } from "pg";

/**
 * @deprecated Pass the `pg` client to `recordAuditEntry` itself, which writes through either kind of transaction. Kept
 * only until the last caller (commit-segment-import.ts, being changed elsewhere) stops using it.
 */
export function pgAuditWriter(client: PoolClient): PoolClient {
  return client;
}
