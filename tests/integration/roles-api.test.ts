import { describe, expect, it } from "vitest";
import * as rolesRoute from "@/app/api/v2/roles/route";
import * as roleRoute from "@/app/api/v2/roles/[roleKey]/route";
import type { Policy } from "@/lib/schemas/policy";
import type { RoleResponse } from "@/lib/schemas/role";
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

async function createRole(token: string, body: unknown) {
  return callRoute(rolesRoute.POST, { path: "/api/v2/roles", token, body });
}

async function patchRole(token: string, roleKey: string, body: unknown) {
  return callRoute(roleRoute.PATCH, {
    method: "PATCH",
    path: `/api/v2/roles/${roleKey}`,
    params: { roleKey },
    token,
    body,
  });
}

async function deleteRole(token: string, roleKey: string) {
  return callRoute(roleRoute.DELETE, {
    method: "DELETE",
    path: `/api/v2/roles/${roleKey}`,
    params: { roleKey },
    token,
  });
}

describe("POST /api/v2/roles", () => {
  it("creates a custom role (201) and audits it", async () => {
    const admin = await createTestToken({ role: "admin" });
    const key = unique("sync");
    const response = await createRole(admin.value, {
      key,
      name: "Sync",
      description: "partners",
      policy: MIN_SYNC_POLICY,
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      _id: expect.any(String),
      key,
      name: "Sync",
      description: "partners",
      policy: MIN_SYNC_POLICY,
      creationDate: expect.any(Number),
    });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { target: `role/${key}` } });
    expect(audit).toMatchObject({ kind: "role", tokenId: admin.token.id });
    expect(audit.accesses).toEqual([{ action: "createRole", resource: `role/${key}` }]);
    expect(audit.currentVersion).toMatchObject({ key, policy: MIN_SYNC_POLICY });
  });

  it("answers 409 for a duplicate key", async () => {
    const admin = await createTestToken({ role: "admin" });
    const key = unique("dup");
    expect((await createRole(admin.value, { key, name: "A", policy: [] })).status).toBe(201);
    expectError(await createRole(admin.value, { key, name: "B", policy: [] }), 409, "conflict");
    expect(await prisma.customRole.count({ where: { key } })).toBe(1);
  });

  it.each([
    ["a missing key", { name: "x", policy: [] }, "key"],
    ["a built-in role's key", { key: "admin", name: "x", policy: [] }, "key"],
    ["bad key characters", { key: "a b", name: "x", policy: [] }, "key"],
    ["a missing policy", { key: "k1", name: "x" }, "policy"],
    [
      "a statement with both actions and notActions",
      {
        key: "k2",
        name: "x",
        policy: [{ effect: "allow", actions: ["*"], notActions: ["x"], resources: ["acct"] }],
      },
      "statement 0",
    ],
    [
      "an empty resource list in statement 1",
      {
        key: "k3",
        name: "x",
        policy: [MIN_SYNC_POLICY[0], { effect: "allow", actions: ["*"], resources: [] }],
      },
      "statement 1",
    ],
    [
      "an invalid resource",
      { key: "k4", name: "x", policy: [{ effect: "allow", actions: ["*"], resources: ["project/*"] }] },
      "project/*",
    ],
  ])("rejects %s with 400 naming it, writing nothing", async (_case, body, named) => {
    const admin = await createTestToken({ role: "admin" });
    const before = await prisma.customRole.count();
    const response = await createRole(admin.value, body);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toContain(named);
    expect(await prisma.customRole.count()).toBe(before);
  });

  it("answers 401 without a token and 403 for writers and the minimum sync policy", async () => {
    const body = { key: unique("r"), name: "x", policy: [] };
    expectError(await callRoute(rolesRoute.POST, { path: "/api/v2/roles", body }), 401, "unauthorized");
    const writer = await createTestToken({ role: "writer" });
    expectError(await createRole(writer.value, body), 403, "forbidden");
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    expectError(await createRole(sync.value, body), 403, "forbidden");
    expect(await prisma.customRole.findUnique({ where: { key: body.key } })).toBeNull();
  });

  it("refuses a policy that grants more than the creator has", async () => {
    const creatorRole = await prisma.customRole.create({
      data: {
        key: unique("role-maker"),
        name: "role maker",
        policy: [{ effect: "allow", actions: ["createRole", "updateRole"], resources: ["role/*"] }],
      },
    });
    const writer = await createTestToken({ role: "writer" });
    await prisma.tokenCustomRole.create({ data: { tokenId: writer.token.id, customRoleId: creatorRole.id } });
    expect(
      (await createRole(writer.value, { key: unique("ok"), name: "x", policy: MIN_SYNC_POLICY })).status,
    ).toBe(201);
    const response = await createRole(writer.value, {
      key: unique("too-much"),
      name: "x",
      policy: [{ effect: "allow", actions: ["*"], resources: ["member/*"] }],
    });
    expectError(response, 403, "forbidden");
    expect((response.json as { message: string }).message).toContain("statement 0");
  });
});

describe("GET /api/v2/roles and /api/v2/roles/{roleKey}", () => {
  it("lists roles by creation date and gets one", async () => {
    const admin = await createTestToken({ role: "admin" });
    const first = unique("first");
    const second = unique("second");
    await createRole(admin.value, { key: first, name: "1", policy: [] });
    await createRole(admin.value, { key: second, name: "2", policy: MIN_SYNC_POLICY });
    const reader = await createTestToken({ role: "reader" });
    const list = await callRoute(rolesRoute.GET, { path: "/api/v2/roles?limit=100", token: reader.value });
    expect(list.status).toBe(200);
    const keys = (list.json as { items: RoleResponse[] }).items.map((role) => role.key);
    expect(keys.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(keys.indexOf(first)).toBeLessThan(keys.indexOf(second));

    const one = await callRoute(roleRoute.GET, {
      path: `/api/v2/roles/${second}`,
      params: { roleKey: second },
      token: reader.value,
    });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ key: second, policy: MIN_SYNC_POLICY });
    expectError(
      await callRoute(roleRoute.GET, {
        path: "/api/v2/roles/nope",
        params: { roleKey: "nope" },
        token: reader.value,
      }),
      404,
      "not_found",
    );
  });

  it("refuses the minimum sync policy (403)", async () => {
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    expectError(
      await callRoute(rolesRoute.GET, { path: "/api/v2/roles", token: sync.value }),
      403,
      "forbidden",
    );
  });
});

describe("PATCH /api/v2/roles/{roleKey}", () => {
  it("updates name and policy, audits before and after, and applies at once to holders", async () => {
    const admin = await createTestToken({ role: "admin" });
    const key = unique("editable");
    await createRole(admin.value, { key, name: "Before", policy: [] });
    const holder = await createTestToken({ role: null, policy: [] });
    const role = await prisma.customRole.findUniqueOrThrow({ where: { key } });
    await prisma.tokenCustomRole.create({ data: { tokenId: holder.token.id, customRoleId: role.id } });

    const response = await patchRole(admin.value, key, [
      { op: "replace", path: "/name", value: "After" },
      { op: "replace", path: "/policy", value: MIN_SYNC_POLICY },
    ]);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ key, name: "After", policy: MIN_SYNC_POLICY });
    const principal = await resolveTokenPrincipal(holder.value);
    expect(principal?.roles.find((named) => named.name === key)?.policy).toEqual(MIN_SYNC_POLICY);

    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: `role/${key}`, description: { startsWith: "Updated" } },
    });
    expect(audit.previousVersion).toMatchObject({ name: "Before", policy: [] });
    expect(audit.currentVersion).toMatchObject({ name: "After", policy: MIN_SYNC_POLICY });
    expect(audit.accesses).toEqual([{ action: "updateRole", resource: `role/${key}` }]);

    const appended = await patchRole(admin.value, key, {
      patch: [
        { op: "add", path: "/policy/-", value: { effect: "deny", actions: ["*"], resources: ["acct"] } },
      ],
    });
    expect((appended.json as RoleResponse).policy).toHaveLength(2);
  });

  it.each([
    ["the key", [{ op: "replace", path: "/key", value: "other" }], "/key"],
    [
      "an invalid policy",
      [{ op: "replace", path: "/policy", value: [{ effect: "maybe", actions: ["*"], resources: ["acct"] }] }],
      "statement 0",
    ],
    ["an empty name", [{ op: "replace", path: "/name", value: " " }], "name"],
  ])("rejects a patch of %s with 400", async (_case, body, named) => {
    const admin = await createTestToken({ role: "admin" });
    const key = unique("fixed");
    await createRole(admin.value, { key, name: "Fixed", policy: [] });
    const response = await patchRole(admin.value, key, body);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toContain(named);
    expect(await prisma.customRole.findUniqueOrThrow({ where: { key } })).toMatchObject({
      name: "Fixed",
      policy: [],
    });
  });

  it("answers 403 for a writer, 404 for an unknown role, and refuses raising a role the editor holds", async () => {
    const admin = await createTestToken({ role: "admin" });
    const key = unique("self-edit");
    await createRole(admin.value, {
      key,
      name: "editor",
      policy: [{ effect: "allow", actions: ["updateRole"], resources: [`role/${key}`] }],
    });
    const writer = await createTestToken({ role: "writer" });
    expectError(
      await patchRole(writer.value, key, [{ op: "replace", path: "/name", value: "x" }]),
      403,
      "forbidden",
    );
    expectError(
      await patchRole(admin.value, "nope", [{ op: "replace", path: "/name", value: "x" }]),
      404,
      "not_found",
    );

    const { member } = await createTestMember({ role: "writer" });
    const role = await prisma.customRole.findUniqueOrThrow({ where: { key } });
    await prisma.memberCustomRole.create({ data: { memberId: member.id, customRoleId: role.id } });
    const holder = await createTestToken({ role: "writer", memberId: member.id, serviceToken: false });
    await prisma.tokenCustomRole.create({ data: { tokenId: holder.token.id, customRoleId: role.id } });
    expect(
      (await patchRole(holder.value, key, [{ op: "replace", path: "/name", value: "renamed" }])).status,
    ).toBe(200);
    expectError(
      await patchRole(holder.value, key, [
        { op: "add", path: "/policy/-", value: { effect: "allow", actions: ["*"], resources: ["member/*"] } },
      ]),
      403,
      "forbidden",
    );
  });
});

describe("DELETE /api/v2/roles/{roleKey}", () => {
  it("answers 409 while a token or member holds the role, then 204", async () => {
    const admin = await createTestToken({ role: "admin" });
    const key = unique("held");
    await createRole(admin.value, { key, name: "held", policy: MIN_SYNC_POLICY });
    const role = await prisma.customRole.findUniqueOrThrow({ where: { key } });

    const holder = await createTestToken({ role: null, policy: [] });
    await prisma.tokenCustomRole.create({ data: { tokenId: holder.token.id, customRoleId: role.id } });
    expectError(await deleteRole(admin.value, key), 409, "conflict");
    await prisma.tokenCustomRole.deleteMany({ where: { customRoleId: role.id } });

    const { member } = await createTestMember({ role: "reader" });
    await prisma.memberCustomRole.create({ data: { memberId: member.id, customRoleId: role.id } });
    expectError(await deleteRole(admin.value, key), 409, "conflict");
    await prisma.memberCustomRole.deleteMany({ where: { customRoleId: role.id } });

    const writer = await createTestToken({ role: "writer" });
    expectError(await deleteRole(writer.value, key), 403, "forbidden");
    expect((await deleteRole(admin.value, key)).status).toBe(204);
    expect(await prisma.customRole.findUnique({ where: { key } })).toBeNull();
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: `role/${key}`, description: { startsWith: "Deleted" } },
    });
    expect(audit.previousVersion).toMatchObject({ key, policy: MIN_SYNC_POLICY });
    expectError(await deleteRole(admin.value, key), 404, "not_found");
    expectError(
      await callRoute(roleRoute.DELETE, {
        method: "DELETE",
        path: `/api/v2/roles/${key}`,
        params: { roleKey: key },
      }),
      401,
      "unauthorized",
    );
  });
});
