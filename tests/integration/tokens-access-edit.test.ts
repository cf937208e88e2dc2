import { describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import { tokenSettingsPatch, type TokenAccessInput } from "@/lib/queries/tokens";
import type { Policy } from "@/lib/schemas/policy";
import type { TokenResponse } from "@/lib/schemas/token";
import { syncToolPolicy } from "@/lib/schemas/token-sync-tool";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { sessionHeaders } from "@/tests/support/session-headers";

// The Tokens page's Edit dialog changes a token's access with the patch tokenSettingsPatch builds, through the same
// PATCH route as any client, and the route's grant rules (current and new access grantable) decide.

async function edit(memberId: string | null, tokenId: string, name: string, access?: TokenAccessInput) {
  return callRoute(tokenRoute.PATCH, {
    method: "PATCH",
    path: `/api/v2/tokens/${tokenId}`,
    params: { tokenId },
    ...(memberId === null ? {} : { headers: await sessionHeaders(memberId) }),
    body: tokenSettingsPatch({ name, description: null, ...(access === undefined ? {} : { access }) }),
  });
}

async function memberWithPolicy(policy: Policy) {
  const { member } = await createTestMember({ role: "no_access" });
  const key = unique("role");
  const customRole = await prisma.customRole.create({ data: { key, name: key, policy } });
  await prisma.memberCustomRole.create({ data: { memberId: member.id, customRoleId: customRole.id } });
  return member;
}

const stored = (tokenId: string) =>
  prisma.accessToken.findUniqueOrThrow({ where: { id: tokenId }, include: { customRoles: true } });

describe("editing a token's access from the Tokens page", () => {
  it("moves a token from a built-in role to custom roles and a policy and back, for an admin", async () => {
    const { member } = await createTestMember({ role: "admin" });
    const { token } = await createTestToken({ role: "writer" });
    const key = unique("role");
    await prisma.customRole.create({
      data: { key, name: key, policy: syncToolPolicy({ projectKey: "*", environmentKey: "*" }) },
    });
    const scoped = syncToolPolicy({ projectKey: "default", environmentKey: "production" });

    const custom = await edit(member.id, token.id, token.name, { customRoleIds: [key], inlineRole: scoped });
    expect(custom.status).toBe(200);
    expect(custom.json).toMatchObject({ customRoleIds: [key], inlineRole: scoped });
    expect(custom.json).not.toHaveProperty("role");

    const policyOnly = await edit(member.id, token.id, token.name, { customRoleIds: [], inlineRole: scoped });
    expect((policyOnly.json as TokenResponse).customRoleIds).toEqual([]);

    const role = await edit(member.id, token.id, token.name, { role: "reader" });
    expect(role.status).toBe(200);
    expect(role.json).toMatchObject({ role: "reader", customRoleIds: [] });
    expect(role.json).not.toHaveProperty("inlineRole");
    expect(await stored(token.id)).toMatchObject({ role: "reader", inlineRole: null, customRoles: [] });
  });

  it("lets a member change only access it could grant, before and after, and a name without the policy right", async () => {
    const inProduction = syncToolPolicy({ projectKey: "p1", environmentKey: "production" });
    const inTest = syncToolPolicy({ projectKey: "p1", environmentKey: "test" });
    const member = await memberWithPolicy([
      {
        effect: "allow",
        actions: ["viewAccessToken", "updateAccessTokenName", "updateAccessTokenDescription"],
        resources: ["service-token/*"],
      },
      { effect: "allow", actions: ["updateAccessTokenPolicy"], resources: ["service-token/*"] },
      ...inProduction,
    ]);
    const writerToken = await createTestToken({ role: "writer" });
    const before = await stored(writerToken.token.id);
    expectError(
      await edit(member.id, writerToken.token.id, before.name, {
        customRoleIds: [],
        inlineRole: inProduction,
      }),
      403,
      "forbidden",
    );
    expect(await stored(writerToken.token.id)).toEqual(before);

    const syncToken = await createTestToken({ role: null, policy: inProduction });
    expectError(
      await edit(member.id, syncToken.token.id, "renamed", { customRoleIds: [], inlineRole: inTest }),
      403,
      "forbidden",
    );
    expect(await stored(syncToken.token.id)).toMatchObject({ inlineRole: inProduction });

    const renamed = await edit(member.id, writerToken.token.id, "renamed by a member");
    expect(renamed.status).toBe(200);
    expect(await stored(writerToken.token.id)).toMatchObject({ name: "renamed by a member", role: "writer" });
  });

  it("answers 400 for access with nothing in it and 401 without a caller, writing nothing", async () => {
    const { member } = await createTestMember({ role: "admin" });
    const { token } = await createTestToken({ role: "writer" });
    const before = await stored(token.id);
    expectError(
      await edit(member.id, token.id, token.name, { customRoleIds: [], inlineRole: null }),
      400,
      "invalid_request",
    );
    expectError(await edit(null, token.id, token.name, { role: "admin" }), 401, "unauthorized");
    expect(await stored(token.id)).toEqual(before);
  });
});
