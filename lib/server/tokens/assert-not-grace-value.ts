import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";

/**
 * A reset's old value keeps working through its grace period only so that deployments can switch to the new one. It does
 * the token's ordinary work, but hands out nothing: no token created or reset, no member created, nobody's access changed
 * (a token's, a member's or a role's). Otherwise whoever leaked it could mint a credential that outlives the grace period,
 * and rotating the leaked token would not end the leak.
 */
export function assertNotGraceValue(principal: Principal): void {
  if (principal.token?.graceValue === true) {
    throw new ApiError(
      "forbidden",
      "This is an old token value, still in its grace period after a reset: it cannot create or reset tokens, create members, or change the access of a token, member or role; use the token's new value",
    );
  }
}
