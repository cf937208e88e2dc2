import "server-only";
import { isIP } from "node:net";
import { ApiError } from "@/lib/server/api/errors";
import { alertHostAllowed, isInternalAddress } from "@/lib/server/alerts/destination-address";

/**
 * Refuses, before anything is written, a destination that names an internal address outright (an IP literal or
 * localhost) unless TRIBUTARY_ALERT_ALLOWED_HOSTS allows its host; names that resolve to one are refused at delivery.
 */
export function assertAlertUrlAllowed(url: string): void {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const internal =
    host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && isInternalAddress(host));
  if (internal && !alertHostAllowed(parsed)) {
    throw new ApiError(
      "invalid_request",
      `url: ${host} is an internal address; an operator may allow it with TRIBUTARY_ALERT_ALLOWED_HOSTS`,
    );
  }
}
