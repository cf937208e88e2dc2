import { accessResources } from "@/lib/queries/access-check";
import type { AccessCheckItem } from "@/lib/schemas/access-check";
import type { TokenResponse } from "@/lib/schemas/token";

type TokenRef = Pick<TokenResponse, "_id" | "memberId" | "serviceToken">;

/**
 * The checks behind the page's buttons, built the same way by the server page (which prefetches the answer) and the
 * view, so that both ask under the same query key.
 */
export function tokenAccessChecks(memberId: string, tokens: readonly TokenRef[]): AccessCheckItem[] {
  return [
    { action: "createAccessToken", resource: accessResources.anyServiceToken },
    { action: "createAccessToken", resource: accessResources.anyPersonalToken(memberId) },
    ...tokens.flatMap((token) => {
      const resource = accessResources.token(token);
      return [
        { action: "updateAccessTokenName", resource },
        { action: "updateAccessTokenPolicy", resource },
        { action: "resetAccessToken", resource },
        { action: "deleteAccessToken", resource },
      ];
    }),
  ];
}
