import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { authenticateMember } from "@/lib/server/auth/authenticate-member";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import { createTestMember } from "@/tests/factories/members";
import { unique } from "@/tests/factories/unique";
import { failureOf, useLaunchDarklyClient } from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { sessionHeaders } from "@/tests/support/session-headers";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, against the app over real HTTP.
const api = useLaunchDarklyClient("admin");
const models = launchDarklyModels();

async function makeRole() {
  const key = unique("client-role");
  await prisma.customRole.create({
    data: { key, name: key, policy: [{ effect: "allow", actions: ["viewProject"], resources: ["proj/*"] }] },
  });
  return key;
}

describe("AccountMembersApi through LaunchDarkly's client", () => {
  it("invites members as LaunchDarkly's list of forms and answers the created members' collection", async () => {
    const roleKey = await makeRole();
    const first = `${unique("invitee")}@example.test`;
    const second = `${unique("invitee")}@example.test`;
    const created = await api.client.accountMembers.postMembers([
      { email: first, firstName: "Grace", lastName: "Hopper", role: "writer" },
      { email: second, customRoles: [roleKey] },
    ]);
    expect(created.status).toBe(201);
    expect(models.check("Members", created.data)).toEqual([]);
    expect(created.data.items).toHaveLength(2);
    expect(created.data.items[0]).toMatchObject({
      email: first,
      firstName: "Grace",
      lastName: "Hopper",
      role: "writer",
      customRoles: [],
      _pendingInvite: true,
      _verified: false,
      mfa: "disabled",
      _lastSeen: 0,
    });
    expect(created.data.items[1]).toMatchObject({ email: second, role: "reader", customRoles: [roleKey] });
  });

  it("keeps a pending invite from signing in with any password", async () => {
    const email = `${unique("pending")}@example.test`;
    await api.client.accountMembers.postMembers([{ email }]);
    const stored = await prisma.member.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toBeNull();
    expect(await authenticateMember(email, "")).toBeNull();
    expect(await authenticateMember(email, "any-password-at-all")).toBeNull();
  });

  it("never makes a pending invite the owner: the account would have no owner who can sign in", async () => {
    const { member: owner } = await createTestMember({ role: "owner" });
    const email = `${unique("heir")}@example.test`;
    const [invited] = (await api.client.accountMembers.postMembers([{ email, role: "admin" }])).data.items;
    const transfer = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      path: `/api/v2/members/${invited?._id}`,
      params: { memberId: invited?._id ?? "" },
      headers: await sessionHeaders(owner.id),
      body: [{ op: "replace", path: "/role", value: "owner" }],
    });
    expectError(transfer, 409, "conflict");
    expect((await prisma.member.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("owner");
  });

  it("creates an invite list all or none: a duplicate email writes nothing", async () => {
    const email = `${unique("twice")}@example.test`;
    const failed = await failureOf(
      api.client.accountMembers.postMembers([{ email }, { email: email.toUpperCase() }]),
    );
    expect(failed.status).toBe(400);
    expect(await prisma.member.count({ where: { email } })).toBe(0);
  });

  it("reads, lists and patches /customRoles of a member, each answer fitting the Member model", async () => {
    const roleKey = await makeRole();
    const { member } = await createTestMember({ role: "reader" });

    const read = await api.client.accountMembers.getMember(member.id);
    expect(models.check("Member", read.data)).toEqual([]);
    expect(read.data).toMatchObject({
      _id: member.id,
      email: member.email,
      _pendingInvite: false,
      _verified: true,
    });

    const listed = await api.client.accountMembers.getMembers(100, 0);
    expect(models.check("Members", listed.data)).toEqual([]);

    const patched = await api.client.accountMembers.patchMember(member.id, [
      { op: "replace", path: "/customRoles", value: [roleKey] },
    ]);
    expect(models.check("Member", patched.data)).toEqual([]);
    expect(patched.data.customRoles).toEqual([roleKey]);
    expect((await api.client.accountMembers.getMember(member.id)).data.customRoles).toEqual([roleKey]);

    expect((await api.client.accountMembers.deleteMember(member.id)).status).toBe(204);
    expect((await failureOf(api.client.accountMembers.getMember(member.id))).status).toBe(404);
  });
});

describe("getMembers' filter through LaunchDarkly's client", () => {
  it("keeps members by query (email or name, any case) and by role", async () => {
    const marker = unique("findme");
    await api.client.accountMembers.postMembers([
      { email: `${marker}-a@example.test`, role: "writer" },
      { email: `${unique("other")}@example.test`, firstName: marker.toUpperCase(), role: "admin" },
      { email: `${unique("unrelated")}@example.test`, role: "writer" },
    ]);
    const byQuery = await api.client.accountMembers.getMembers(100, 0, `query:${marker}`);
    expect(models.check("Members", byQuery.data)).toEqual([]);
    expect(byQuery.data.items).toHaveLength(2);
    expect(byQuery.data.totalCount).toBe(2);
    const writers = await api.client.accountMembers.getMembers(100, 0, `query:${marker},role:writer`);
    expect(writers.data.items.map((member) => member.email)).toEqual([`${marker}-a@example.test`]);
    const either = await api.client.accountMembers.getMembers(100, 0, `query:${marker},role:writer|admin`);
    expect(either.data.items).toHaveLength(2);
  });

  it("refuses a filter field it does not support with 400 instead of ignoring it", async () => {
    const failed = await failureOf(api.client.accountMembers.getMembers(100, 0, 'lastSeen:{"never":true}'));
    expect(failed.status).toBe(400);
    expect(failed.body).toMatchObject({
      code: "invalid_request",
      message: expect.stringContaining("lastSeen"),
    });
    expect((await failureOf(api.client.accountMembers.getMembers(100, 0, "role:superuser"))).status).toBe(
      400,
    );
  });
});
