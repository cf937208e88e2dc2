import { beforeAll, describe, expect, it } from "vitest";
import * as resetRoute from "@/app/api/v2/members/[memberId]/password-reset/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import type { PasswordLinkIssued } from "@/lib/schemas/invite";
import { authenticateMember } from "@/lib/server/auth/authenticate-member";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { linkSecret, redeemLink } from "@/tests/support/password-links";
import { sessionHeaders } from "@/tests/support/session-headers";

const NEW_PASSWORD = "the-member-chose-this";

let adminToken: string;

beforeAll(async () => {
  adminToken = (await createTestToken({ role: "admin" })).value;
});

function issueReset(memberId: string, auth: { token?: string; headers?: Record<string, string> }) {
  return callRoute(resetRoute.POST, {
    method: "POST",
    path: `/api/v2/members/${memberId}/password-reset`,
    params: { memberId },
    ...auth,
  });
}

async function linkCount(memberId: string) {
  return prisma.passwordLink.count({ where: { memberId } });
}

describe("a password reset link", () => {
  it("sets a new password once and ends every session of the member", async () => {
    const { member, password } = await createTestMember({ role: "writer" });
    const before = await sessionHeaders(member.id);
    const issued = await issueReset(member.id, { token: adminToken });
    expect(issued.status).toBe(201);
    const link = issued.json as PasswordLinkIssued;
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/reset\/[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(issued.json)).not.toContain(password);

    expect((await redeemLink(linkSecret(link.url), NEW_PASSWORD)).status).toBe(200);
    expect(await authenticateMember(member.email, password)).toBeNull();
    expect(await authenticateMember(member.email, NEW_PASSWORD)).toMatchObject({ id: member.id });
    const old = await callRoute(projectsRoute.GET, { path: "/api/v2/projects", headers: before });
    expectError(old, 401, "unauthorized");
    expect((await redeemLink(linkSecret(link.url), "yet-another-password")).status).toBe(404);
    const descriptions = (await prisma.auditEntry.findMany({ where: { target: `member/${member.id}` } })).map(
      (entry) => entry.description,
    );
    expect(descriptions).toEqual(
      expect.arrayContaining([
        `Issued a password reset link for ${member.email}`,
        `${member.email} set a new password with a reset link`,
      ]),
    );
  });

  it("is refused without credentials (401), without the right (403) or for a hidden member (404), writing nothing", async () => {
    const { member } = await createTestMember({ role: "writer" });
    expectError(await issueReset(member.id, {}), 401, "unauthorized");
    const reader = (await createTestToken({ role: "reader" })).value;
    expectError(await issueReset(member.id, { token: reader }), 403, "forbidden");
    const projectsOnly = [{ effect: "allow" as const, actions: ["*"], resources: ["proj/*"] }];
    const blind = (await createTestToken({ role: null, policy: projectsOnly })).value;
    expectError(await issueReset(member.id, { token: blind }), 404, "not_found");
    expectError(
      await issueReset("00000000-0000-4000-8000-000000000000", { token: adminToken }),
      404,
      "not_found",
    );
    // May update members, but cannot grant a writer's access: it may not take one over either.
    const membersOnly = [{ effect: "allow" as const, actions: ["*"], resources: ["member/*"] }];
    const limited = (await createTestToken({ role: null, policy: membersOnly })).value;
    expectError(await issueReset(member.id, { token: limited }), 403, "forbidden");
    expect(await linkCount(member.id)).toBe(0);
  });

  it("for the owner is issued only by the owner's own dashboard session", async () => {
    const { member: owner } = await createTestMember({ role: "owner" });
    expectError(await issueReset(owner.id, { token: adminToken }), 403, "forbidden");
    const { member: admin } = await createTestMember({ role: "admin" });
    expectError(await issueReset(owner.id, { headers: await sessionHeaders(admin.id) }), 403, "forbidden");
    const personal = await createTestToken({ role: "admin", memberId: owner.id, serviceToken: false });
    expectError(await issueReset(owner.id, { token: personal.value }), 403, "forbidden");
    expect(await linkCount(owner.id)).toBe(0);
    expect((await issueReset(owner.id, { headers: await sessionHeaders(owner.id) })).status).toBe(201);
  });

  it("is never issued by a token for its own member, nor for a pending invite", async () => {
    const { member } = await createTestMember({ role: "admin" });
    const personal = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
    expectError(await issueReset(member.id, { token: personal.value }), 403, "forbidden");
    const pending = await prisma.member.create({
      data: { email: `pending-${member.id}@example.test`, role: "reader" },
    });
    expectError(await issueReset(pending.id, { token: adminToken }), 409, "conflict");
    expect(await linkCount(member.id)).toBe(0);
  });

  it("can be revoked, and then answers like an unknown link", async () => {
    const { member } = await createTestMember({ role: "reader" });
    const link = (await issueReset(member.id, { token: adminToken })).json as PasswordLinkIssued;
    const call = {
      method: "DELETE",
      path: `/api/v2/members/${member.id}/password-reset`,
      params: { memberId: member.id },
      token: adminToken,
    };
    expect((await callRoute(resetRoute.DELETE, call)).status).toBe(204);
    expectError(await callRoute(resetRoute.DELETE, call), 404, "not_found");
    expectError(await redeemLink(linkSecret(link.url), NEW_PASSWORD), 404, "not_found");
  });
});
