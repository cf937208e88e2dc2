import "server-only";
import { createAttemptLimiter } from "@/lib/server/api/create-attempt-limiter";
import {
  PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE,
  PASSWORD_LINK_ATTEMPTS_PER_MINUTE,
  PASSWORD_LINK_LIMIT_WINDOW_SECONDS,
} from "@/lib/server/invites/password-link-limits";

/**
 * Counts one use of an invite or reset link (a page view or a password submission) against the per-minute limits of the
 * client's address and of all clients, before anything else is done for it. Returns the seconds to wait when either is
 * spent, else null.
 */
export const consumePasswordLinkAttempt = createAttemptLimiter(() => ({
  keyPrefix: "password-link",
  perAddress: PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE,
  all: PASSWORD_LINK_ATTEMPTS_PER_MINUTE,
  windowSeconds: PASSWORD_LINK_LIMIT_WINDOW_SECONDS,
}));
