import { describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

/*
 * Changing a token's role or policy is granting, as it is for a member or a custom role: the caller must be able to grant
 * the token's current access as well as the new one, so nobody demotes (or rewrites) a token that holds more than they do.
 */

const PROJECT_WORK: Policy = [
  { effect: "allow", actions: ["*"], resources: ["proj/*", "proj/*:env/*", "proj/*:env/*:segment/*"] },
];

const MIN_SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

/** May do project work and view and change service tokens' policies, and nothing on the account. */
function tokenEditor() {
  return createTestToken({
    role: null,
    policy: [
      ...PROJECT_WORK,
      {
        effect: "allow",
        actions: ["viewAccessToken", "updateAccessTokenPolicy", "updateAccessTokenName"],
        resources: ["service-token/*"],
      },
    ],
  });
}

async function patchToken(token: string, tokenId: string, body: unknown) {
  return callRoute(tokenRoute.PATCH, {
    method: "PATCH",
    path: `/api/v2/tokens/${tokenId}`,
    params: { tokenId },
    token,
    body,
  });
}

describe("changing a token's role or policy", () => {
  it("refuses a caller who could not grant the token's current access", async () => {
    const editor = await tokenEditor();
    const ci = await createTestToken({ role: "admin" });
    const response = await patchToken(editor.value, ci.token.id, [
      { op: "replace", path: "/role", value: null },
      { op: "add", path: "/inlineRole", value: PROJECT_WORK },
    ]);
    expectError(response, 403, "forbidden");
    expect((response.json as { message: string }).message).toContain("current access");
    expect(await prisma.accessToken.findUniqueOrThrow({ where: { id: ci.token.id } })).toMatchObject({
      role: "admin",
    });
    // Its name is no grant.
    expect(
      (await patchToken(editor.value, ci.token.id, [{ op: "replace", path: "/name", value: "ci" }])).status,
    ).toBe(200);
  });

  it("lets a caller who can grant both the current and the new access change it", async () => {
    const editor = await tokenEditor();
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    const response = await patchToken(editor.value, sync.token.id, [
      { op: "replace", path: "/inlineRole", value: PROJECT_WORK },
    ]);
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json).toMatchObject({ inlineRole: PROJECT_WORK });
  });
});
