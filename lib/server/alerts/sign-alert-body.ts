import { createHmac } from "node:crypto";

/**
 * The webhook signature: `sha256=` and the hex HMAC-SHA256, keyed with the destination's secret, of the timestamp
 * header's value, a dot, and the exact body. Receivers recompute it and compare in constant time.
 */
export function signAlertBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}
