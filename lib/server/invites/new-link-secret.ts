import "server-only";
import { randomBytes } from "node:crypto";
import { LINK_SECRET_BYTES } from "@/lib/schemas/invite";
import { hashLinkSecret } from "@/lib/server/invites/hash-link-secret";

/** A fresh link secret (handed out once, never stored) and its hash (the only thing stored). */
export function newLinkSecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(LINK_SECRET_BYTES).toString("base64url");
  return { secret, secretHash: hashLinkSecret(secret) };
}
