import "server-only";
import { randomUUID } from "node:crypto";
import type { Policy } from "@/lib/schemas/policy";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";

/** A token someone may be offered to create: a built-in role or an inline policy (no custom roles to look up). */
export type TokenDraft = { serviceToken: boolean; role: string | null; inlineRole: Policy | null };

export type TokenCreationDecision = { allowed: boolean; reason: string };

/**
 * Whether `POST /api/v2/tokens` would let this caller create the token, decided by the checks `createToken` makes before it
 * writes (create-token.ts), in its order: not a reset's old value, `createAccessToken` on the new token, a personal token
 * only from the member in person, and no more access than the caller can grant. For offering a one-click creation that
 * then goes through that same route; tests/integration/sync-tool-token.test.ts holds the two to the same answers.
 */
export function decideTokenCreation(principal: Principal, draft: TokenDraft): TokenCreationDecision {
  try {
    assertNotGraceValue(principal);
    assertAccess(
      principal,
      "createAccessToken",
      tokenResource(principal.member.id, randomUUID(), draft.serviceToken),
    );
    if (!draft.serviceToken && principal.token?.serviceToken === true) {
      return { allowed: false, reason: "A service token cannot create personal tokens" };
    }
    assertCanGrant(principal, { role: draft.role, customRoles: [], inlineRole: draft.inlineRole });
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden")
      return { allowed: false, reason: error.message };
    throw error;
  }
  return { allowed: true, reason: "You may create this token" };
}
