import "server-only";
import { createHash } from "node:crypto";

/** What is stored of a link's secret: its SHA-256, hex (the secret is 256 random bits, so no salt or slow hash is needed). */
export function hashLinkSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
