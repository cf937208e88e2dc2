import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { Policy } from "@/lib/schemas/policy";
import type { TokenResponse } from "@/lib/schemas/token";
import { prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";

export const MIN_SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

/** May create tokens of any kind, but holds no other account access. */
export const TOKEN_MAKER_POLICY: Policy = [
  {
    effect: "allow",
    actions: ["createAccessToken", "updateAccessToken*", "viewAccessToken"],
    resources: ["member/*:token/*", "service-token/*"],
  },
];

export async function createCustomRole(policy: Policy, key = unique("role")) {
  return prisma.customRole.create({ data: { key, name: key, policy } });
}

/** A service token with a built-in role plus a custom role, the way a member with both would act. */
export async function tokenWithRoles(role: string | null, policy: Policy) {
  const customRole = await createCustomRole(policy);
  const created = await createTestToken(role === null ? { role: null, policy: [] } : { role });
  await prisma.tokenCustomRole.create({ data: { tokenId: created.token.id, customRoleId: customRole.id } });
  return created;
}

/** `POST /api/v2/tokens` as the holder of `token`. */
export async function postToken(token: string, body: unknown) {
  return callRoute(tokensRoute.POST, { path: "/api/v2/tokens", token, body });
}

export function tokenBody(response: { json: unknown }): TokenResponse {
  return response.json as TokenResponse;
}

export async function auditText(): Promise<string> {
  return JSON.stringify(await prisma.auditEntry.findMany());
}
