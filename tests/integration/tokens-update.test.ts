import { describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import { prisma } from "@/lib/server/db";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import {
  MIN_SYNC_POLICY,
  TOKEN_MAKER_POLICY,
  createCustomRole,
  tokenWithRoles,
  tokenBody,
} from "@/tests/support/tokens-api";

describe("PATCH /api/v2/tokens/{tokenId}", () => {
  async function patch(token: string, tokenId: string, body: unknown) {
    return callRoute(tokenRoute.PATCH, {
      method: "PATCH",
      path: `/api/v2/tokens/${tokenId}`,
      params: { tokenId },
      token,
      body,
    });
  }

  it("renames, re-describes and changes the policy, auditing before and after", async () => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    const response = await patch(admin.value, target.token.id, [
      { op: "replace", path: "/name", value: "renamed" },
      { op: "replace", path: "/description", value: "described" },
      { op: "replace", path: "/role", value: null },
      { op: "add", path: "/inlineRole", value: MIN_SYNC_POLICY },
    ]);
    expect(response.status).toBe(200);
    expect(response.json).not.toHaveProperty("role");
    expect(response.json).toMatchObject({
      name: "renamed",
      description: "described",
      inlineRole: MIN_SYNC_POLICY,
    });
    expect(tokenBody(response).token).toBe(target.value.slice(-4));
    const principal = await resolveTokenPrincipal(target.value);
    expect(principal?.roles.map((role) => role.name)).toEqual(["inline policy"]);
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: `service-token/${target.token.id}` },
      orderBy: { date: "desc" },
    });
    expect(audit.accesses).toEqual([{ action: "updateAccessTokenPolicy", resource: audit.target }]);
    expect(audit.previousVersion).toMatchObject({ name: target.token.name, role: "reader" });
    expect(audit.currentVersion).toMatchObject({ name: "renamed", role: null, inlineRole: MIN_SYNC_POLICY });

    const roles = await patch(admin.value, target.token.id, {
      comment: "use a custom role",
      patch: [
        { op: "replace", path: "/inlineRole", value: null },
        { op: "replace", path: "/customRoleIds", value: [(await createCustomRole(MIN_SYNC_POLICY)).key] },
      ],
    });
    expect(roles.status).toBe(200);
    expect(tokenBody(roles).customRoleIds).toHaveLength(1);
  });

  it.each([
    [
      "a path that is not writable",
      [{ op: "replace", path: "/serviceToken", value: false }],
      "/serviceToken",
    ],
    ["an empty name", [{ op: "replace", path: "/name", value: "" }], "name"],
    ["a role beside an inline policy", [{ op: "add", path: "/inlineRole", value: MIN_SYNC_POLICY }], "role"],
    ["no role at all", [{ op: "replace", path: "/role", value: null }], "role"],
    [
      "an invalid statement",
      [
        { op: "replace", path: "/role", value: null },
        { op: "replace", path: "/inlineRole", value: [{ effect: "allow", actions: ["createSegment"] }] },
      ],
      "statement 0",
    ],
    [
      "an unknown custom role",
      [
        { op: "replace", path: "/role", value: null },
        { op: "replace", path: "/customRoleIds", value: ["nope"] },
      ],
      "customRoleIds",
    ],
    ["an empty patch", [], "body"],
  ])("rejects %s with 400, changing nothing", async (_case, body, named) => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    const response = await patch(admin.value, target.token.id, body);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toContain(named);
    const stored = await prisma.accessToken.findUniqueOrThrow({ where: { id: target.token.id } });
    expect(stored).toMatchObject({ name: target.token.name, role: "reader", inlineRole: null });
  });

  it("answers 409 when a test operation fails", async () => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    expectError(
      await patch(admin.value, target.token.id, [
        { op: "test", path: "/name", value: "something else" },
        { op: "replace", path: "/name", value: "x" },
      ]),
      409,
      "optimistic_locking_error",
    );
  });

  it("needs the action of each touched field and never raises access beyond the caller's", async () => {
    const target = await createTestToken({ role: "reader" });
    const reader = await createTestToken({ role: "reader" });
    expectError(
      await patch(reader.value, target.token.id, [{ op: "replace", path: "/name", value: "x" }]),
      403,
      "forbidden",
    );

    const renamer = await tokenWithRoles("writer", [
      { effect: "allow", actions: ["updateAccessTokenName"], resources: ["service-token/*"] },
    ]);
    expect(
      (await patch(renamer.value, target.token.id, [{ op: "replace", path: "/name", value: "ok" }])).status,
    ).toBe(200);
    expectError(
      await patch(renamer.value, target.token.id, [{ op: "replace", path: "/description", value: "x" }]),
      403,
      "forbidden",
    );

    const maker = await tokenWithRoles("writer", TOKEN_MAKER_POLICY);
    expect(
      (await patch(maker.value, target.token.id, [{ op: "replace", path: "/role", value: "writer" }])).status,
    ).toBe(200);
    expectError(
      await patch(maker.value, target.token.id, [{ op: "replace", path: "/role", value: "admin" }]),
      403,
      "forbidden",
    );
    expect(await prisma.accessToken.findUniqueOrThrow({ where: { id: target.token.id } })).toMatchObject({
      role: "writer",
    });
  });
});
