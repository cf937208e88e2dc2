import { describe, expect, it, vi } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import * as resetRoute from "@/app/api/v2/tokens/[tokenId]/reset/route";
import type { Policy } from "@/lib/schemas/policy";
import type { TokenResponse } from "@/lib/schemas/token";
import { prisma } from "@/lib/server/db";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const MIN_SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

/** May create tokens of any kind, but holds no other account access. */
const TOKEN_MAKER_POLICY: Policy = [
  {
    effect: "allow",
    actions: ["createAccessToken", "updateAccessToken*", "viewAccessToken"],
    resources: ["member/*:token/*", "service-token/*"],
  },
];

async function createCustomRole(policy: Policy, key = unique("role")) {
  return prisma.customRole.create({ data: { key, name: key, policy } });
}

/** A service token with a built-in role plus a custom role, the way a member with both would act. */
async function tokenWithRoles(role: string | null, policy: Policy) {
  const customRole = await createCustomRole(policy);
  const created = await createTestToken(role === null ? { role: null, policy: [] } : { role });
  await prisma.tokenCustomRole.create({ data: { tokenId: created.token.id, customRoleId: customRole.id } });
  return created;
}

async function create(token: string, body: unknown) {
  return callRoute(tokensRoute.POST, { path: "/api/v2/tokens", token, body });
}

function created(response: { json: unknown }): TokenResponse {
  return response.json as TokenResponse;
}

async function auditText(): Promise<string> {
  return JSON.stringify(await prisma.auditEntry.findMany());
}

describe("POST /api/v2/tokens", () => {
  it("creates a personal token, shows its value once, and audits it without the value", async () => {
    const { member } = await createTestMember({ role: "admin" });
    const admin = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
    const response = await create(admin.value, { name: "CI", description: "for CI", role: "writer" });
    expect(response.status).toBe(201);
    const body = created(response);
    expect(body).toMatchObject({
      name: "CI",
      description: "for CI",
      role: "writer",
      customRoleIds: [],
      inlineRole: null,
      serviceToken: false,
      lastUsed: null,
      expiresAt: null,
      _member: { _id: member.id, email: member.email },
    });
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
    expect(created(shown).token).toBe(body.token.slice(-4));

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
    const response = await create(admin.value, { name: "default", serviceToken: true });
    expect(response.status).toBe(201);
    expect(created(response)).toMatchObject({ role: "reader", serviceToken: true });
    const principal = await resolveTokenPrincipal(created(response).token);
    expect(principal?.boundedBy).toBeNull();
    expect(
      await prisma.auditEntry.count({ where: { target: `service-token/${created(response)._id}` } }),
    ).toBe(1);
  });

  it("takes custom roles by key and an inline policy", async () => {
    const admin = await createTestToken({ role: "admin" });
    const role = await createCustomRole(MIN_SYNC_POLICY);
    const response = await create(admin.value, {
      name: "sync",
      customRoleIds: [role.key],
      inlineRole: MIN_SYNC_POLICY,
      serviceToken: true,
    });
    expect(response.status).toBe(201);
    expect(created(response)).toMatchObject({
      role: null,
      customRoleIds: [role.key],
      inlineRole: MIN_SYNC_POLICY,
    });
    const principal = await resolveTokenPrincipal(created(response).token);
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
    const response = await create(admin.value, body);
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
    expectError(await create("api-not-a-real-token-value-000000000000", { name: "x" }), 401, "unauthorized");
  });

  it("refuses readers, writers and the minimum sync policy (403), writing nothing", async () => {
    const reader = await createTestToken({ role: "reader" });
    const writer = await createTestToken({ role: "writer" });
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    const before = await prisma.accessToken.count();
    for (const { value } of [reader, writer, sync]) {
      expectError(await create(value, { name: "x", role: "reader" }), 403, "forbidden");
    }
    expect(await prisma.accessToken.count()).toBe(before);
  });

  it("never mints more access than the creator has", async () => {
    const writer = await tokenWithRoles("writer", TOKEN_MAKER_POLICY);
    const ok = async (body: Record<string, unknown>) =>
      expect((await create(writer.value, { name: "x", serviceToken: true, ...body })).status).toBe(201);
    const refused = async (body: Record<string, unknown>) =>
      expectError(await create(writer.value, { name: "x", serviceToken: true, ...body }), 403, "forbidden");

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
    expect((await create(creator.value, body(["proj/web:env/test:segment/*"]))).status).toBe(201);
    expectError(await create(creator.value, body(["proj/*:env/*:segment/*"])), 403, "forbidden");
    expectError(await create(creator.value, body(["proj/web:env/production:segment/a"])), 403, "forbidden");
  });

  it("bounds a personal token by its member: a writer's admin token cannot mint an admin token", async () => {
    const { member } = await createTestMember({ role: "writer" });
    const inflated = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
    expectError(await create(inflated.value, { name: "x", role: "admin" }), 403, "forbidden");
  });
});

describe("GET /api/v2/tokens", () => {
  it("lists own personal tokens and service tokens; showAll adds everyone's for an admin only", async () => {
    const { member: adminMember } = await createTestMember({ role: "admin" });
    const { member: readerMember } = await createTestMember({ role: "reader" });
    const admin = await createTestToken({ role: "admin", memberId: adminMember.id, serviceToken: false });
    const reader = await createTestToken({ role: "reader", memberId: readerMember.id, serviceToken: false });
    const service = await createTestToken({ role: "writer", serviceToken: true });

    const list = async (token: string, query = "") => {
      const response = await callRoute(tokensRoute.GET, { path: `/api/v2/tokens?limit=100${query}`, token });
      expect(response.status).toBe(200);
      const body = response.json as { items: TokenResponse[]; totalCount: number };
      expect(body.totalCount).toBe(body.items.length);
      return body.items.map((item) => item._id);
    };

    const readerSees = await list(reader.value);
    expect(readerSees).toContain(reader.token.id);
    expect(readerSees).toContain(service.token.id);
    expect(readerSees).not.toContain(admin.token.id);
    expect(await list(reader.value, "&showAll=true")).not.toContain(admin.token.id);

    const adminSees = await list(admin.value);
    expect(adminSees).not.toContain(reader.token.id);
    expect(await list(admin.value, "&showAll=true")).toEqual(
      expect.arrayContaining([reader.token.id, admin.token.id]),
    );

    const page = await callRoute(tokensRoute.GET, {
      path: "/api/v2/tokens?limit=1&offset=0",
      token: reader.value,
    });
    expect(page.json).toMatchObject({ items: [expect.any(Object)], _links: { next: expect.any(Object) } });
    const all = await list(reader.value);
    expect((page.json as { items: TokenResponse[] }).items[0]?._id).toBe(all[0]);
    const listed = await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: reader.value });
    expect(JSON.stringify(listed.json)).not.toContain(reader.value);
  });

  it("refuses the minimum sync policy (403) and answers 401 without a token, 400 for a bad limit", async () => {
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: sync.value }),
      403,
      "forbidden",
    );
    expectError(await callRoute(tokensRoute.GET, { path: "/api/v2/tokens" }), 401, "unauthorized");
    const reader = await createTestToken({ role: "reader" });
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens?limit=0", token: reader.value }),
      400,
      "invalid_request",
    );
  });

  it("sets lastUsed once a token is used", async () => {
    const admin = await createTestToken({ role: "admin" });
    const fresh = created(await create(admin.value, { name: "used", role: "reader", serviceToken: true }));
    const path = `/api/v2/tokens/${fresh._id}`;
    const before = await callRoute(tokenRoute.GET, {
      path,
      params: { tokenId: fresh._id },
      token: admin.value,
    });
    expect(created(before).lastUsed).toBeNull();
    const started = Date.now();
    expect((await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: fresh.token })).status).toBe(
      200,
    );
    const after = await callRoute(tokenRoute.GET, {
      path,
      params: { tokenId: fresh._id },
      token: admin.value,
    });
    expect(created(after).lastUsed).toBeGreaterThanOrEqual(started - 1000);
  });
});

describe("GET /api/v2/tokens/{tokenId}", () => {
  it("answers 404 for an unknown or malformed id, and the same 404 without viewAccessToken", async () => {
    const reader = await createTestToken({ role: "reader" });
    for (const tokenId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expectError(
        await callRoute(tokenRoute.GET, {
          path: `/api/v2/tokens/${tokenId}`,
          params: { tokenId },
          token: reader.value,
        }),
        404,
        "not_found",
      );
    }
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    const hidden = await callRoute(tokenRoute.GET, {
      path: `/api/v2/tokens/${reader.token.id}`,
      params: { tokenId: reader.token.id },
      token: sync.value,
    });
    expectError(hidden, 404, "not_found");
    expect((hidden.json as { message: string }).message).toBe(`Access token "${reader.token.id}" not found`);
  });
});

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
    expect(response.json).toMatchObject({
      name: "renamed",
      description: "described",
      role: null,
      inlineRole: MIN_SYNC_POLICY,
    });
    expect(created(response).token).toBe(target.value.slice(-4));
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
    expect(created(roles).customRoleIds).toHaveLength(1);
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

describe("DELETE /api/v2/tokens/{tokenId}", () => {
  it("deletes a token (204); its value then gets 401", async () => {
    const admin = await createTestToken({ role: "admin" });
    const victim = await createTestToken({ role: "reader" });
    const params = { tokenId: victim.token.id };
    const path = `/api/v2/tokens/${victim.token.id}`;
    const reader = await createTestToken({ role: "reader" });
    expectError(
      await callRoute(tokenRoute.DELETE, { method: "DELETE", path, params, token: reader.value }),
      403,
      "forbidden",
    );
    expectError(await callRoute(tokenRoute.DELETE, { method: "DELETE", path, params }), 401, "unauthorized");

    const response = await callRoute(tokenRoute.DELETE, {
      method: "DELETE",
      path,
      params,
      token: admin.value,
    });
    expect(response.status).toBe(204);
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: victim.value }),
      401,
      "unauthorized",
    );
    expect(
      await prisma.auditEntry.count({ where: { target: `service-token/${victim.token.id}`, kind: "token" } }),
    ).toBe(1);
    expectError(
      await callRoute(tokenRoute.DELETE, { method: "DELETE", path, params, token: admin.value }),
      404,
      "not_found",
    );
  });
});

describe("POST /api/v2/tokens/{tokenId}/reset", () => {
  async function reset(token: string, tokenId: string, query = "") {
    return callRoute(resetRoute.POST, {
      method: "POST",
      path: `/api/v2/tokens/${tokenId}/reset${query}`,
      params: { tokenId },
      token,
    });
  }

  it("returns a new value once; the old one works until the expiry, then gets 401", async () => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    const response = await reset(admin.value, target.token.id, `?expiry=${Date.now() + 60 * 60_000}`);
    expect(response.status).toBe(200);
    const fresh = created(response).token;
    expect(fresh).toMatch(/^api-/);
    expect(fresh).not.toBe(target.value);

    const list = (token: string) => callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token });
    expect((await list(fresh)).status).toBe(200);
    expect((await list(target.value)).status).toBe(200);

    await prisma.accessToken.update({
      where: { id: target.token.id },
      data: { previousExpiresAt: new Date(Date.now() - 1000) },
    });
    // An edit straight in the database reaches the cached principal by the access trigger's notification.
    await vi.waitFor(async () => expectError(await list(target.value), 401, "unauthorized"), {
      timeout: 2_000,
      interval: 10,
    });
    expect((await list(fresh)).status).toBe(200);

    const shown = await callRoute(tokenRoute.GET, {
      path: `/api/v2/tokens/${target.token.id}`,
      params: { tokenId: target.token.id },
      token: admin.value,
    });
    expect(created(shown).token).toBe(fresh.slice(-4));
    const everything = await auditText();
    expect(everything).not.toContain(fresh);
    expect(everything).not.toContain(target.value);
  });

  it("stops the old value at once without an expiry", async () => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    const response = await reset(admin.value, target.token.id);
    expect(response.status).toBe(200);
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: target.value }),
      401,
      "unauthorized",
    );
    expect(
      (await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: created(response).token })).status,
    ).toBe(200);
  });

  it("answers 400 for a bad expiry, 403 without resetAccessToken, 404 for an unknown token", async () => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    expectError(await reset(admin.value, target.token.id, "?expiry=soon"), 400, "invalid_request");
    const reader = await createTestToken({ role: "reader" });
    expectError(await reset(reader.value, target.token.id), 403, "forbidden");
    expectError(await reset(admin.value, "00000000-0000-4000-8000-000000000000"), 404, "not_found");
    expect((await resolveTokenPrincipal(target.value))?.token?.id).toBe(target.token.id);
  });
});
