import { createHash } from "node:crypto";

/** Tokens are stored only as a SHA-256 hex digest; a lookup hashes the presented value and compares by equality. */
export function hashToken(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}
