import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";

/**
 * The checks of a token creation made before its access is looked at: not a reset's old value, `createAccessToken` on the
 * new token, and a personal token only from the member in person. A personal token acts as its member in person, so only
 * a session or a personal token bounded by the member's access creates one; a service token is not the member (it may
 * have been created by the CLI, or passed to the owner from a deleted member).
 */
export function assertMayCreateToken(principal: Principal, tokenId: string, serviceToken: boolean): void {
  assertNotGraceValue(principal);
  assertAccess(principal, "createAccessToken", tokenResource(principal.member.id, tokenId, serviceToken));
  if (!serviceToken && principal.token?.serviceToken === true) {
    throw new ApiError(
      "forbidden",
      "A service token cannot create personal tokens; create a service token (serviceToken: true), or sign in",
    );
  }
}
