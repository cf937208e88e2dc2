import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";

/**
 * A reset's old value, during its grace period, still does what the token does to other resources, but never resets,
 * changes or deletes its own token: otherwise whoever leaked it could reset the token again to a value only they know, and
 * rotating a leaked token would not end the leak.
 */
export function assertNotOwnGraceValue(principal: Principal, tokenId: string): void {
  if (principal.token?.id === tokenId && principal.token.graceValue === true) {
    throw new ApiError(
      "forbidden",
      "This is the token's old value, still in its grace period after a reset: it cannot reset, change or delete its own token; use the new value",
    );
  }
}
