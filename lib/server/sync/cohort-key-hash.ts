import { createHash } from "node:crypto";

/** The first 8 hex characters of SHA-256 of the cohort id (UTF-8): the suffix that makes a segment key unique (api-contract §3). */
export function cohortKeyHash(cohortId: string): string {
  return createHash("sha256").update(cohortId, "utf8").digest("hex").slice(0, 8);
}
