import { describe, expect, it } from "vitest";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { sessionHeaders } from "@/tests/support/session-headers";

async function patchMember(caller: { token: string } | { session: string }, memberId: string, body: unknown) {
  return callRoute(memberRoute.PATCH, {
    method: "PATCH",
    path: `/api/v2/members/${memberId}`,
    params: { memberId },
    body,
    ...("token" in caller ? { token: caller.token } : { headers: await sessionHeaders(caller.session) }),
  });
}

async function customRole(policy: Policy) {
  const key = unique("role");
  return prisma.customRole.create({ data: { key, name: key, policy } });
}

async function memberWithRoles(role: string, customRoleIds: string[]) {
  const { member } = await createTestMember({ role });
  for (const customRoleId of customRoleIds) {
    await prisma.memberCustomRole.create({ data: { memberId: member.id, customRoleId } });
  }
  return member;
}

async function accessOf(memberId: string) {
  const member = await prisma.member.findUniqueOrThrow({
    where: { id: memberId },
    include: { customRoles: { include: { customRole: true } } },
  });
  return { role: member.role, customRoleKeys: member.customRoles.map((link) => link.customRole.key) };
}

describe("PATCH /api/v2/members/{memberId}: who may change a member's access", () => {
  it("only a caller that holds the member's current access: no lifting an admin's denies, no demoting admins", async () => {
    const manager = await customRole([
      { effect: "allow", actions: ["updateMemberRole", "viewMember"], resources: ["member/*"] },
    ]);
    const roleManager = await memberWithRoles("reader", [manager.id]);
    const restraint = await customRole([{ effect: "deny", actions: ["delete*"], resources: ["proj/*"] }]);
    const restrainedAdmin = await memberWithRoles("admin", [restraint.id]);
    const before = await accessOf(restrainedAdmin.id);

    const caller = { session: roleManager.id };
    for (const patch of [
      [{ op: "replace", path: "/customRoleKeys", value: [] }],
      [{ op: "replace", path: "/role", value: "reader" }],
    ]) {
      expectError(await patchMember(caller, restrainedAdmin.id, patch), 403, "forbidden");
    }
    expect(await accessOf(restrainedAdmin.id)).toEqual(before);

    // Whom it could have made itself, it may manage.
    const newcomer = await memberWithRoles("no_access", []);
    const raised = await patchMember(caller, newcomer.id, [
      { op: "replace", path: "/role", value: "reader" },
    ]);
    expect(raised.status).toBe(200);
    // An admin may lift the denies.
    const { member: admin } = await createTestMember({ role: "admin" });
    const lifted = await patchMember({ session: admin.id }, restrainedAdmin.id, [
      { op: "replace", path: "/customRoleKeys", value: [] },
    ]);
    expect(lifted.status).toBe(200);
  });

  it("a member's own name is theirs to change in person, not through a service token", async () => {
    const { member } = await createTestMember({ role: "writer" });
    const service = await createTestToken({ role: "reader", memberId: member.id, serviceToken: true });
    const personal = await createTestToken({ role: "reader", memberId: member.id, serviceToken: false });
    const rename = [{ op: "replace", path: "/firstName", value: "Mallory" }];
    expectError(await patchMember({ token: service.value }, member.id, rename), 403, "forbidden");
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).firstName).toBeNull();
    expect((await patchMember({ token: personal.value }, member.id, rename)).status).toBe(200);
  });
});
