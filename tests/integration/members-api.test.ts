import { beforeAll, describe, expect, it } from "vitest";
import * as membersRoute from "@/app/api/v2/members/route";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { MemberResponse } from "@/lib/schemas/member";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { authenticateMember } from "@/lib/server/auth/authenticate-member";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { sessionHeaders } from "@/tests/support/session-headers";

const MIN_SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

type Person = Awaited<ReturnType<typeof createTestMember>>["member"];

/** A member and a personal token that acts as them (bounded by their access). */
async function personWithToken(role: string) {
  const { member, password } = await createTestMember({ role });
  const { value } = await createTestToken({
    role: role === "owner" ? "admin" : role,
    memberId: member.id,
    serviceToken: false,
  });
  return { member, password, value };
}

let owner: { member: Person; value: string };
let admin: { member: Person; value: string };

beforeAll(async () => {
  owner = await personWithToken("owner");
  admin = await personWithToken("admin");
});

async function createMember(token: string, body: unknown) {
  return callRoute(membersRoute.POST, { path: "/api/v2/members", token, body });
}

async function patchMember(token: string, memberId: string, body: unknown) {
  return callRoute(memberRoute.PATCH, {
    method: "PATCH",
    path: `/api/v2/members/${memberId}`,
    params: { memberId },
    token,
    body,
  });
}

/** The same PATCH from a member's dashboard session. */
async function patchMemberSignedIn(signedIn: string, memberId: string, body: unknown) {
  return callRoute(memberRoute.PATCH, {
    method: "PATCH",
    path: `/api/v2/members/${memberId}`,
    params: { memberId },
    headers: await sessionHeaders(signedIn),
    body,
  });
}

async function deleteMember(token: string, memberId: string) {
  return callRoute(memberRoute.DELETE, {
    method: "DELETE",
    path: `/api/v2/members/${memberId}`,
    params: { memberId },
    token,
  });
}

async function roleOf(memberId: string): Promise<string> {
  return (await prisma.member.findUniqueOrThrow({ where: { id: memberId } })).role;
}

describe("POST /api/v2/members", () => {
  it("creates a member who can sign in; neither the password nor its hash is returned or audited", async () => {
    const email = `${unique("new")}@Example.test`;
    const password = "a-long-password-1";
    const response = await createMember(admin.value, { email, password, role: "writer", firstName: "Ada" });
    expect(response.status).toBe(201);
    const body = response.json as MemberResponse;
    expect(body).toMatchObject({
      email: email.toLowerCase(),
      role: "writer",
      firstName: "Ada",
      customRoleKeys: [],
    });
    expect(JSON.stringify(body)).not.toMatch(/password|\$2[aby]\$/i);
    expect(await authenticateMember(email, password)).toMatchObject({ id: body._id });

    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: `member/${body._id}`, kind: "member" },
    });
    expect(audit.accesses).toEqual([{ action: "createMember", resource: `member/${body._id}` }]);
    expect(audit.currentVersion).toMatchObject({ email: email.toLowerCase(), role: "writer" });
    const stored = await prisma.member.findUniqueOrThrow({ where: { id: body._id } });
    const everything = JSON.stringify(await prisma.auditEntry.findMany());
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(stored.passwordHash);
  });

  it("gives custom roles by key", async () => {
    const role = await prisma.customRole.create({
      data: { key: unique("sync"), name: "sync", policy: MIN_SYNC_POLICY },
    });
    const response = await createMember(admin.value, {
      email: `${unique("m")}@example.test`,
      password: "a-long-password-1",
      role: "no_access",
      customRoleKeys: [role.key],
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ role: "no_access", customRoleKeys: [role.key] });
  });

  it.each([
    ["a short password", { password: "short", role: "reader" }, "password"],
    ["a missing role", { password: "a-long-password-1" }, "role"],
    ["the owner role", { password: "a-long-password-1", role: "owner" }, "role"],
    ["an unknown role", { password: "a-long-password-1", role: "superuser" }, "role"],
    [
      "an unknown custom role",
      { password: "a-long-password-1", role: "reader", customRoleKeys: ["nope"] },
      "customRoleKeys",
    ],
  ])("rejects %s with 400 naming it, writing nothing", async (_case, fields, named) => {
    const before = await prisma.member.count();
    const response = await createMember(admin.value, { email: `${unique("bad")}@example.test`, ...fields });
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toContain(named);
    expect(await prisma.member.count()).toBe(before);
  });

  it("rejects a bad email with 400 and a duplicate email (any case) with 409", async () => {
    expectError(
      await createMember(admin.value, {
        email: "not-an-email",
        password: "a-long-password-1",
        role: "reader",
      }),
      400,
      "invalid_request",
    );
    const { member } = await createTestMember({ role: "reader" });
    expectError(
      await createMember(admin.value, {
        email: member.email.toUpperCase(),
        password: "a-long-password-1",
        role: "reader",
      }),
      409,
      "conflict",
    );
  });

  it("answers 401 without a token, 403 for writers, and never lets a creator grant more than it has", async () => {
    const body = { email: `${unique("x")}@example.test`, password: "a-long-password-1", role: "reader" };
    expectError(await callRoute(membersRoute.POST, { path: "/api/v2/members", body }), 401, "unauthorized");
    const writer = await personWithToken("writer");
    expectError(await createMember(writer.value, body), 403, "forbidden");

    const hiring = await prisma.customRole.create({
      data: {
        key: unique("hiring"),
        name: "hiring",
        policy: [{ effect: "allow", actions: ["createMember"], resources: ["member/*"] }],
      },
    });
    const recruiter = await createTestToken({ role: "writer" });
    await prisma.tokenCustomRole.create({ data: { tokenId: recruiter.token.id, customRoleId: hiring.id } });
    expect((await createMember(recruiter.value, body)).status).toBe(201);
    expectError(
      await createMember(recruiter.value, { ...body, email: `${unique("y")}@example.test`, role: "admin" }),
      403,
      "forbidden",
    );
  });
});

describe("GET /api/v2/members and /api/v2/members/{memberId}", () => {
  it("lists and gets members without password hashes", async () => {
    const reader = await personWithToken("reader");
    const list = await callRoute(membersRoute.GET, {
      path: "/api/v2/members?limit=100",
      token: reader.value,
    });
    expect(list.status).toBe(200);
    const ids = (list.json as { items: MemberResponse[] }).items.map((member) => member._id);
    expect(ids).toEqual(expect.arrayContaining([owner.member.id, admin.member.id, reader.member.id]));
    expect(JSON.stringify(list.json)).not.toMatch(/passwordHash|\$2[aby]\$/);

    const one = await callRoute(memberRoute.GET, {
      path: `/api/v2/members/${owner.member.id}`,
      params: { memberId: owner.member.id },
      token: reader.value,
    });
    expect(one.json).toMatchObject({ _id: owner.member.id, role: "owner" });
    expectError(
      await callRoute(memberRoute.GET, {
        path: "/api/v2/members/x",
        params: { memberId: "x" },
        token: reader.value,
      }),
      404,
      "not_found",
    );
  });

  it("refuses the minimum sync policy (403)", async () => {
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    expectError(
      await callRoute(membersRoute.GET, { path: "/api/v2/members", token: sync.value }),
      403,
      "forbidden",
    );
  });
});

describe("PATCH /api/v2/members/{memberId}", () => {
  it("changes another member's role and names, audited before and after", async () => {
    const target = await personWithToken("writer");
    const response = await patchMember(admin.value, target.member.id, [
      { op: "replace", path: "/role", value: "reader" },
      { op: "replace", path: "/firstName", value: "Grace" },
    ]);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ role: "reader", firstName: "Grace" });
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: `member/${target.member.id}`, description: { startsWith: "Updated" } },
    });
    expect(audit.previousVersion).toMatchObject({ role: "writer" });
    expect(audit.currentVersion).toMatchObject({ role: "reader", firstName: "Grace" });
    expect(audit.accesses).toEqual([{ action: "updateMemberRole", resource: `member/${target.member.id}` }]);
  });

  it("lets nobody change their own role or custom roles, but lets them change their own name", async () => {
    const reader = await personWithToken("reader");
    expectError(
      await patchMember(admin.value, admin.member.id, [{ op: "replace", path: "/role", value: "writer" }]),
      403,
      "forbidden",
    );
    expectError(
      await patchMember(admin.value, admin.member.id, [
        { op: "replace", path: "/customRoleKeys", value: [] },
      ]),
      403,
      "forbidden",
    );
    expect(await roleOf(admin.member.id)).toBe("admin");
    expect(
      (
        await patchMember(reader.value, reader.member.id, [
          { op: "replace", path: "/lastName", value: "Hopper" },
        ])
      ).status,
    ).toBe(200);
    expectError(
      await patchMember(reader.value, admin.member.id, [{ op: "replace", path: "/lastName", value: "X" }]),
      403,
      "forbidden",
    );
  });

  it.each([
    ["an unknown role", [{ op: "replace", path: "/role", value: "root" }], "role"],
    ["the email", [{ op: "replace", path: "/email", value: "a@b.c" }], "/email"],
    [
      "an unknown custom role",
      [{ op: "replace", path: "/customRoleKeys", value: ["nope"] }],
      "customRoleKeys",
    ],
  ])("rejects a patch of %s with 400", async (_case, body, named) => {
    const target = await personWithToken("writer");
    const response = await patchMember(admin.value, target.member.id, body);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toContain(named);
    expect(await roleOf(target.member.id)).toBe("writer");
  });

  it("keeps exactly one owner: only the owner's session transfers ownership, and the old owner becomes admin", async () => {
    const heir = await personWithToken("writer");
    const toOwner = [{ op: "replace", path: "/role", value: "owner" }];
    expectError(await patchMember(admin.value, heir.member.id, toOwner), 403, "forbidden");
    expectError(
      await patchMember(admin.value, owner.member.id, [{ op: "replace", path: "/role", value: "admin" }]),
      403,
      "forbidden",
    );
    const ownersService = await createTestToken({
      role: "admin",
      memberId: owner.member.id,
      serviceToken: true,
    });
    expectError(await patchMember(ownersService.value, heir.member.id, toOwner), 403, "forbidden");
    // Nor the owner's personal token: a token can be reset or minted by others, a session cannot.
    expectError(await patchMember(owner.value, heir.member.id, toOwner), 403, "forbidden");
    expectError(await patchMemberSignedIn(admin.member.id, heir.member.id, toOwner), 403, "forbidden");
    expect(await prisma.member.count({ where: { role: "owner" } })).toBe(1);

    const response = await patchMemberSignedIn(owner.member.id, heir.member.id, toOwner);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ role: "owner" });
    expect(await roleOf(owner.member.id)).toBe("admin");
    expect(await prisma.member.findMany({ where: { role: "owner" }, select: { id: true } })).toEqual([
      { id: heir.member.id },
    ]);
    const audits = await prisma.auditEntry.findMany({
      where: {
        target: { in: [`member/${owner.member.id}`, `member/${heir.member.id}`] },
        description: { contains: "owner" },
      },
    });
    expect(audits.length).toBeGreaterThanOrEqual(2);

    // The new owner's admin personal token may not give the owner role back; the new owner's session may.
    const heirAdminToken = await createTestToken({
      role: "admin",
      memberId: heir.member.id,
      serviceToken: false,
    });
    expectError(await patchMember(heirAdminToken.value, owner.member.id, toOwner), 403, "forbidden");
    expect((await patchMemberSignedIn(heir.member.id, owner.member.id, toOwner)).status).toBe(200);
    expect(await roleOf(owner.member.id)).toBe("owner");
    expect(await roleOf(heir.member.id)).toBe("admin");
    expect(await prisma.member.count({ where: { role: "owner" } })).toBe(1);
  });
});

describe("DELETE /api/v2/members/{memberId}", () => {
  it("deletes a member: their personal tokens stop working, their service tokens pass to the owner", async () => {
    const leaver = await personWithToken("admin");
    const service = await createTestToken({ role: "writer", memberId: leaver.member.id, serviceToken: true });
    const reader = await personWithToken("reader");
    expectError(await deleteMember(reader.value, leaver.member.id), 403, "forbidden");
    expectError(
      await callRoute(memberRoute.DELETE, {
        method: "DELETE",
        path: "/x",
        params: { memberId: leaver.member.id },
      }),
      401,
      "unauthorized",
    );

    expect((await deleteMember(admin.value, leaver.member.id)).status).toBe(204);
    expect(await prisma.member.findUnique({ where: { id: leaver.member.id } })).toBeNull();
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: leaver.value }),
      401,
      "unauthorized",
    );
    expect((await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: service.value })).status).toBe(
      200,
    );
    expect(await prisma.accessToken.findUniqueOrThrow({ where: { id: service.token.id } })).toMatchObject({
      memberId: owner.member.id,
    });
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: `member/${leaver.member.id}`, description: { startsWith: "Deleted" } },
    });
    expect(audit.accesses).toEqual([{ action: "deleteMember", resource: `member/${leaver.member.id}` }]);
    expectError(await deleteMember(admin.value, leaver.member.id), 404, "not_found");
  });

  it("never deletes the owner", async () => {
    expectError(await deleteMember(admin.value, owner.member.id), 403, "forbidden");
    expect(await roleOf(owner.member.id)).toBe("owner");
  });
});
