import { describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import { prisma } from "@/lib/server/db";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import {
  MIN_SYNC_POLICY,
  TOKEN_MAKER_POLICY,
  createCustomRole,
  tokenWithRoles,
  postToken,
  tokenBody,
  auditText,
} from "@/tests/support/tokens-api";

describe("POST /api/v2/tokens", () => {
  it("creates a personal token, shows its value once, and audits it without the value", async () => {
    const { member } = await createTestMember({ role: "admin" });
    const admin = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
    const response = await postToken(admin.value, { name: "CI", description: "for CI", role: "writer" });
    expect(response.status).toBe(201);
    const body = tokenBody(response);
    expect(body).toMatchObject({
      name: "CI",
      description: "for CI",
      role: "writer",
      customRoleIds: [],
      serviceToken: false,
      _member: { _id: member.id, email: member.email },
    });
    // LaunchDarkly omits what a token lacks instead of sending null.
    for (const absent of ["inlineRole", "lastUsed", "expiresAt"]) expect(body).not.toHaveProperty(absent);
    expect(body.token).toMatch(/^api-[A-Za-z0-9_-]{32,}$/);

    const principal = await resolveTokenPrincipal(body.token);
    expect(principal).toMatchObject({
      member: { id: member.id },
      token: { id: body._id, serviceToken: false },
    });
    expect(principal?.roles.map((role) => role.name)).toEqual(["writer"]);

    const stored = await prisma.accessToken.findUniqueOrThrow({ where: { id: body._id } });
    expect(stored.hashedValue).not.toContain(body.token);
    expect(stored.ending).toBe(body.token.slice(-4));

    const shown = await callRoute(tokenRoute.GET, {
      path: `/api/v2/tokens/${body._id}`,
      params: { tokenId: body._id },
      token: admin.value,
    });
    expect(shown.status).toBe(200);
    expect(tokenBody(shown).token).toBe(body.token.slice(-4));

    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { kind: "token", target: `member/${member.id}:token/${body._id}` },
    });
    expect(audit).toMatchObject({ tokenId: admin.token.id, memberId: member.id });
    expect(audit.accesses).toEqual([{ action: "createAccessToken", resource: audit.target }]);
    const everything = await auditText();
    expect(everything).not.toContain(body.token);
    expect(everything).not.toContain(stored.hashedValue);
  });

  it("makes a reader when no role of any kind is given, and a service token on request", async () => {
    const admin = await createTestToken({ role: "admin" });
    const response = await postToken(admin.value, { name: "default", serviceToken: true });
    expect(response.status).toBe(201);
    expect(tokenBody(response)).toMatchObject({ role: "reader", serviceToken: true });
    const principal = await resolveTokenPrincipal(tokenBody(response).token);
    expect(principal?.boundedBy).toBeNull();
    expect(
      await prisma.auditEntry.count({ where: { target: `service-token/${tokenBody(response)._id}` } }),
    ).toBe(1);
  });

  it("takes custom roles by key and an inline policy", async () => {
    const admin = await createTestToken({ role: "admin" });
    const role = await createCustomRole(MIN_SYNC_POLICY);
    const response = await postToken(admin.value, {
      name: "sync",
      customRoleIds: [role.key],
      inlineRole: MIN_SYNC_POLICY,
      serviceToken: true,
    });
    expect(response.status).toBe(201);
    expect(tokenBody(response)).not.toHaveProperty("role");
    expect(tokenBody(response)).toMatchObject({
      customRoleIds: [role.key],
      inlineRole: MIN_SYNC_POLICY,
    });
    const principal = await resolveTokenPrincipal(tokenBody(response).token);
    expect(principal?.roles.map((named) => named.name)).toEqual([role.key, "inline policy"]);
  });

  it.each([
    ["missing name", { role: "reader" }, "name"],
    ["a role tokens cannot have", { name: "x", role: "owner" }, "role"],
    ["a role with an inline policy", { name: "x", role: "reader", inlineRole: MIN_SYNC_POLICY }, "role"],
    ["an unknown custom role", { name: "x", customRoleIds: ["no-such-role"] }, "customRoleIds"],
    ["an expiry in the past", { name: "x", expiresAt: Date.now() - 1000 }, "expiresAt"],
    ["an expiry past the last valid date", { name: "x", expiresAt: 8_640_000_000_000_001 }, "expiresAt"],
    ["an expiry far past the last valid date", { name: "x", expiresAt: 9_000_000_000_000_000 }, "expiresAt"],
    [
      "an invalid statement",
      { name: "x", inlineRole: [{ effect: "allow", actions: ["createSegment"], resources: [] }] },
      "statement 0",
    ],
    [
      "an unknown action",
      { name: "x", inlineRole: [{ effect: "allow", actions: ["fly"], resources: ["acct"] }] },
      "fly",
    ],
    ["a body that is not an object", [1], "body"],
  ])("rejects %s with 400 naming it, writing nothing", async (_case, body, named) => {
    const admin = await createTestToken({ role: "admin", serviceToken: false });
    const before = await prisma.accessToken.count();
    const response = await postToken(admin.value, body);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toContain(named);
    expect(await prisma.accessToken.count()).toBe(before);
  });

  it("answers 401 without a token or with an unknown one", async () => {
    expectError(
      await callRoute(tokensRoute.POST, { path: "/api/v2/tokens", body: { name: "x" } }),
      401,
      "unauthorized",
    );
    expectError(
      await postToken("api-not-a-real-token-value-000000000000", { name: "x" }),
      401,
      "unauthorized",
    );
  });

  it("refuses readers, writers and the minimum sync policy (403), writing nothing", async () => {
    const reader = await createTestToken({ role: "reader" });
    const writer = await createTestToken({ role: "writer" });
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    const before = await prisma.accessToken.count();
    for (const { value } of [reader, writer, sync]) {
      expectError(await postToken(value, { name: "x", role: "reader" }), 403, "forbidden");
    }
    expect(await prisma.accessToken.count()).toBe(before);
  });

  it("never mints more access than the creator has", async () => {
    const writer = await tokenWithRoles("writer", TOKEN_MAKER_POLICY);
    const ok = async (body: Record<string, unknown>) =>
      expect((await postToken(writer.value, { name: "x", serviceToken: true, ...body })).status).toBe(201);
    const refused = async (body: Record<string, unknown>) =>
      expectError(
        await postToken(writer.value, { name: "x", serviceToken: true, ...body }),
        403,
        "forbidden",
      );

    await ok({ role: "reader" });
    await ok({ role: "writer" });
    await ok({ inlineRole: MIN_SYNC_POLICY });
    await ok({
      inlineRole: [
        { effect: "allow", actions: ["update*"], resources: ["proj/web:env/*:segment/beta-*;tag"] },
      ],
    });
    await ok({ inlineRole: [{ effect: "deny", actions: ["*"], resources: ["acct"] }] });
    const before = await prisma.accessToken.count();
    await refused({ role: "admin" });
    await refused({ inlineRole: [{ effect: "allow", actions: ["deleteMember"], resources: ["member/*"] }] });
    await refused({ inlineRole: [{ effect: "allow", actions: ["*"], resources: ["acct"] }] });
    await refused({
      inlineRole: [{ effect: "allow", notActions: ["deleteSegment"], resources: ["proj/*"] }],
    });
    const holdsRoles = await createCustomRole([
      { effect: "allow", actions: ["createRole"], resources: ["role/*"] },
    ]);
    await refused({ customRoleIds: [holdsRoles.key] });
    expect(await prisma.accessToken.count()).toBe(before);
  });

  it("counts the creator's denies: a glob that may reach a denied resource is refused", async () => {
    const creator = await tokenWithRoles(null, [
      ...TOKEN_MAKER_POLICY,
      { effect: "allow", actions: ["*"], resources: ["proj/*:env/*:segment/*"] },
      { effect: "deny", actions: ["*"], resources: ["proj/*:env/production:segment/*"] },
    ]);
    const body = (resources: string[]) => ({
      name: "x",
      serviceToken: true,
      inlineRole: [{ effect: "allow", actions: ["updateIncluded"], resources }],
    });
    expect((await postToken(creator.value, body(["proj/web:env/test:segment/*"]))).status).toBe(201);
    expectError(await postToken(creator.value, body(["proj/*:env/*:segment/*"])), 403, "forbidden");
    expectError(
      await postToken(creator.value, body(["proj/web:env/production:segment/a"])),
      403,
      "forbidden",
    );
  });

  it("bounds a personal token by its member: a writer's admin token cannot mint an admin token", async () => {
    const { member } = await createTestMember({ role: "writer" });
    const inflated = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
    expectError(await postToken(inflated.value, { name: "x", role: "admin" }), 403, "forbidden");
  });
});
