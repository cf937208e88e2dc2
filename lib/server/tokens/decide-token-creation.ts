import "server-only";
import { randomUUID } from "node:crypto";
import type { Policy } from "@/lib/schemas/policy";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertMayCreateToken } from "@/lib/server/tokens/assert-may-create-token";

/** A token someone may be offered to create: a built-in role or an inline policy (no custom roles to look up). */
export type TokenDraft = { serviceToken: boolean; role: string | null; inlineRole: Policy | null };

export type TokenCreationDecision = { allowed: boolean; reason: string };

/**
 * Whether `POST /api/v2/tokens` would let this caller create the token, decided by the same checks `createToken` makes
 * before it writes, in its order: `assertMayCreateToken`, then no more access than the caller can grant. For offering a
 * one-click creation that then goes through that same route; tests/integration/sync-tool-token.test.ts compares them.
 */
export function decideTokenCreation(principal: Principal, draft: TokenDraft): TokenCreationDecision {
  try {
    assertMayCreateToken(principal, randomUUID(), draft.serviceToken);
    assertCanGrant(principal, { role: draft.role, customRoles: [], inlineRole: draft.inlineRole });
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden")
      return { allowed: false, reason: error.message };
    throw error;
  }
  return { allowed: true, reason: "You may create this token" };
}
