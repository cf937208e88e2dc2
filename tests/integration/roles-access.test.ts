import { describe, expect, it } from "vitest";
import * as roleRoute from "@/app/api/v2/roles/[roleKey]/route";
import * as rolesRoute from "@/app/api/v2/roles/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { Policy } from "@/lib/schemas/policy";
import type { RoleResponse } from "@/lib/schemas/role";
import { prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

/*
 * A custom role's policy is the access of every member and token that holds it, so editing it is granting: the editor
 * must be able to grant what the role grants now and what it will grant. And a role the caller may not view answers
 * exactly like one that does not exist.
 */

const PROJECT_WORK: Policy = [
  {
    effect: "allow",
    actions: ["*"],
    resources: ["proj/*", "proj/*:env/*", "proj/*:env/*:segment/*"],
  },
];

const MIN_SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

/** May do project work and view and edit every role, but holds no account-level access. */
function roleEditor() {
  return createTestToken({
    role: null,
    policy: [
      ...PROJECT_WORK,
      {
        effect: "allow",
        actions: ["viewRole", "updateRole", "createRole", "deleteRole"],
        resources: ["role/*"],
      },
    ],
  });
}

async function seedRole(policy: Policy, key = unique("role")) {
  return prisma.customRole.create({ data: { key, name: "Seeded", policy } });
}

async function getRole(token: string, roleKey: string) {
  return callRoute(roleRoute.GET, { path: `/api/v2/roles/${roleKey}`, params: { roleKey }, token });
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

async function policyOf(id: string) {
  return (await prisma.customRole.findUniqueOrThrow({ where: { id } })).policy;
}

describe("editing a custom role's policy is granting", () => {
  it("refuses an editor who could not grant the role's current policy, whatever the new one", async () => {
    const editor = await roleEditor();
    const accountAdmin = await seedRole([{ effect: "allow", actions: ["*"], resources: ["member/*"] }]);
    const response = await patchRole(editor.value, accountAdmin.key, [
      { op: "replace", path: "/policy", value: MIN_SYNC_POLICY },
    ]);
    expectError(response, 403, "forbidden");
    expect((response.json as { message: string }).message).toContain("current policy");
    expect(await policyOf(accountAdmin.id)).toEqual([
      { effect: "allow", actions: ["*"], resources: ["member/*"] },
    ]);
  });

  it("refuses removing a deny that held back access the editor lacks", async () => {
    const editor = await roleEditor();
    const guarded = await seedRole([
      { effect: "allow", actions: ["*"], resources: ["member/*"] },
      { effect: "deny", actions: ["*"], resources: ["member/*"] },
    ]);
    expectError(
      await patchRole(editor.value, guarded.key, [{ op: "remove", path: "/policy/1" }]),
      403,
      "forbidden",
    );
    expect(await policyOf(guarded.id)).toHaveLength(2);
  });

  it("lets an editor who holds both the current and the new access change the policy", async () => {
    const editor = await roleEditor();
    const role = await seedRole([
      ...PROJECT_WORK,
      { effect: "deny", actions: ["deleteProject"], resources: ["proj/*"] },
    ]);
    const response = await patchRole(editor.value, role.key, [{ op: "remove", path: "/policy/1" }]);
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect((response.json as RoleResponse).policy).toEqual(PROJECT_WORK);
    // Its name alone needs no grant check.
    const accountAdmin = await seedRole([{ effect: "allow", actions: ["*"], resources: ["member/*"] }]);
    expect(
      (await patchRole(editor.value, accountAdmin.key, [{ op: "replace", path: "/name", value: "x" }]))
        .status,
    ).toBe(200);
  });

  it("refuses creating a role with a policy the creator could not grant", async () => {
    const editor = await roleEditor();
    const key = unique("too-much");
    const response = await callRoute(rolesRoute.POST, {
      path: "/api/v2/roles",
      token: editor.value,
      body: {
        key,
        name: "x",
        policy: [{ effect: "allow", actions: ["createAccessToken"], resources: ["service-token/*"] }],
      },
    });
    expectError(response, 403, "forbidden");
    expect(await prisma.customRole.findUnique({ where: { key } })).toBeNull();
  });
});

describe("a role the caller may not view is answered as if it did not exist", () => {
  /** May edit and delete every role, and view none. */
  const blindEditor = () =>
    createTestToken({
      role: null,
      policy: [{ effect: "allow", actions: ["updateRole", "deleteRole"], resources: ["role/*"] }],
    });

  function expectSameAsUnknown(
    hidden: { status: number; json: unknown },
    unknown: { status: number; json: unknown },
    hiddenKey: string,
    unknownKey: string,
  ) {
    expectError(hidden, 404, "not_found");
    expectError(unknown, 404, "not_found");
    const message = (response: { json: unknown }) => (response.json as { message: string }).message;
    expect(message(hidden).replace(hiddenKey, "KEY")).toBe(message(unknown).replace(unknownKey, "KEY"));
  }

  it("GET, PATCH (a test included) and DELETE answer 404 with the unknown key's message", async () => {
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    const blind = await blindEditor();
    const role = await seedRole(MIN_SYNC_POLICY);
    const made = unique("made-up");

    expectSameAsUnknown(await getRole(sync.value, role.key), await getRole(sync.value, made), role.key, made);
    for (const caller of [sync, blind]) {
      const rename = [{ op: "replace", path: "/name", value: "x" }];
      expectSameAsUnknown(
        await patchRole(caller.value, role.key, rename),
        await patchRole(caller.value, made, rename),
        role.key,
        made,
      );
      // A `test` that would pass must not tell it the role exists, nor what it holds.
      const probe = [{ op: "test", path: "/name", value: "Seeded" }];
      expectSameAsUnknown(
        await patchRole(caller.value, role.key, probe),
        await patchRole(caller.value, made, probe),
        role.key,
        made,
      );
      expectSameAsUnknown(
        await deleteRole(caller.value, role.key),
        await deleteRole(caller.value, made),
        role.key,
        made,
      );
    }
    expect(await prisma.customRole.findUniqueOrThrow({ where: { id: role.id } })).toMatchObject({
      name: "Seeded",
    });
  });

  it("a caller who may view the role but not change it still gets 403", async () => {
    const reader = await createTestToken({ role: "reader" });
    const role = await seedRole(MIN_SYNC_POLICY);
    expectError(
      await patchRole(reader.value, role.key, [{ op: "replace", path: "/name", value: "x" }]),
      403,
      "forbidden",
    );
    expectError(await deleteRole(reader.value, role.key), 403, "forbidden");
  });

  it("the list shows and counts only the roles the caller may view", async () => {
    const prefix = unique("seen");
    const seen = await seedRole([], `${prefix}-1`);
    await seedRole([], unique("unseen"));
    const viewer = await createTestToken({
      role: null,
      policy: [{ effect: "allow", actions: ["viewRole"], resources: [`role/${prefix}-*`] }],
    });
    const list = await callRoute(rolesRoute.GET, { path: "/api/v2/roles?limit=100", token: viewer.value });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ totalCount: 1, items: [{ key: seen.key }] });
  });
});

describe("a custom role is addressed by its key or its _id", () => {
  it("GET, PATCH and DELETE take either, and a token's customRoleIds too", async () => {
    const admin = await createTestToken({ role: "admin" });
    const role = await seedRole(MIN_SYNC_POLICY);
    const byId = await getRole(admin.value, role.id);
    expect(byId.status).toBe(200);
    expect(byId.json).toMatchObject({ _id: role.id, key: role.key });

    const renamed = await patchRole(admin.value, role.id, [{ op: "replace", path: "/name", value: "By id" }]);
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ key: role.key, name: "By id" });

    const token = await callRoute(tokensRoute.POST, {
      path: "/api/v2/tokens",
      token: admin.value,
      body: { name: unique("by-id"), serviceToken: true, customRoleIds: [role.id, role.key] },
    });
    expect(token.status, JSON.stringify(token.json)).toBe(201);
    expect(token.json).toMatchObject({ customRoleIds: [role.key] });
    await prisma.accessToken.delete({ where: { id: (token.json as { _id: string })._id } });

    expect((await deleteRole(admin.value, role.id)).status).toBe(204);
    expect(await prisma.customRole.findUnique({ where: { id: role.id } })).toBeNull();
  });
});
