import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as invitesRoute from "@/app/api/v2/invites/route";
import * as inviteRoute from "@/app/api/v2/members/[memberId]/invite/route";
import * as membersRoute from "@/app/api/v2/members/route";
import { INVALID_LINK_MESSAGE, type InviteCreated, type PasswordLinkIssued } from "@/lib/schemas/invite";
import type { MemberResponse } from "@/lib/schemas/member";
import { authenticateMember } from "@/lib/server/auth/authenticate-member";
import { prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { linkSecret, redeemLink } from "@/tests/support/password-links";

const NEW_PASSWORD = "a-long-enough-password";

let adminToken: string;

beforeAll(async () => {
  adminToken = (await createTestToken({ role: "admin" })).value;
});

async function invite(email = `${unique("invitee")}@example.test`, role = "reader") {
  const answer = await callRoute(invitesRoute.POST, {
    path: "/api/v2/invites",
    token: adminToken,
    body: { email, role },
  });
  expect(answer.status).toBe(201);
  return answer.json as InviteCreated;
}

function expectInvalidLink(answer: { status: number; json: unknown }) {
  expectError(answer, 404, "not_found");
  expect(answer.json).toMatchObject({ message: INVALID_LINK_MESSAGE });
}

describe("an invite", () => {
  it("is a pending member with a one-time link, of which only the hash is stored", async () => {
    const { member, link } = await invite();
    expect(member._pendingInvite).toBe(true);
    expect(link).toMatchObject({ memberId: member._id, kind: "invite", emailed: false });
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const secret = linkSecret(link.url);
    const stored = await prisma.passwordLink.findUniqueOrThrow({ where: { memberId: member._id } });
    expect(stored.secretHash).toBe(createHash("sha256").update(secret).digest("hex"));
    const audit = await prisma.auditEntry.findMany({ where: { target: `member/${member._id}` } });
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(link.expiresAt - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
  });

  it("lets the invitee set a password once, and then sign in with it", async () => {
    const { member, link } = await invite();
    const secret = linkSecret(link.url);
    const accepted = await redeemLink(secret, NEW_PASSWORD);
    expect(accepted).toMatchObject({ status: 200, json: { email: member.email } });
    expect(await authenticateMember(member.email, NEW_PASSWORD)).toMatchObject({ id: member._id });
    expectInvalidLink(await redeemLink(secret, "another-long-password"));
    expect(await authenticateMember(member.email, NEW_PASSWORD)).not.toBeNull();
    const entries = await prisma.auditEntry.findMany({ where: { target: `member/${member._id}` } });
    expect(entries.map((entry) => entry.description)).toContain(
      `${member.email} accepted their invite and set a password`,
    );
  });

  it("refuses a short password and writes nothing", async () => {
    const { member, link } = await invite();
    const answer = await redeemLink(linkSecret(link.url), "short");
    expectError(answer, 400, "invalid_request");
    const row = await prisma.member.findUniqueOrThrow({ where: { id: member._id } });
    expect(row.passwordHash).toBeNull();
    expect(await prisma.passwordLink.count({ where: { memberId: member._id } })).toBe(1);
  });

  it("answers an unknown, expired, revoked or replaced link exactly alike", async () => {
    expectInvalidLink(await redeemLink("A".repeat(43), NEW_PASSWORD));
    expectInvalidLink(await redeemLink("not a secret", NEW_PASSWORD));

    const expired = await invite();
    await prisma.passwordLink.update({
      where: { memberId: expired.member._id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expectInvalidLink(await redeemLink(linkSecret(expired.link.url), NEW_PASSWORD));

    const replaced = await invite();
    const params = { memberId: replaced.member._id };
    const path = `/api/v2/members/${replaced.member._id}/invite`;
    const renewed = await callRoute(inviteRoute.POST, { method: "POST", path, params, token: adminToken });
    expect(renewed.status).toBe(201);
    const fresh = renewed.json as PasswordLinkIssued;
    expect(fresh.url).not.toBe(replaced.link.url);
    expectInvalidLink(await redeemLink(linkSecret(replaced.link.url), NEW_PASSWORD));
    expect((await redeemLink(linkSecret(fresh.url), NEW_PASSWORD)).status).toBe(200);

    const revoked = await invite();
    const revokePath = `/api/v2/members/${revoked.member._id}/invite`;
    const gone = await callRoute(inviteRoute.DELETE, {
      method: "DELETE",
      path: revokePath,
      params: { memberId: revoked.member._id },
      token: adminToken,
    });
    expect(gone.status).toBe(204);
    expect(await prisma.member.count({ where: { id: revoked.member._id } })).toBe(0);
    expectInvalidLink(await redeemLink(linkSecret(revoked.link.url), NEW_PASSWORD));
  });

  it("of LaunchDarkly's list gets a link too, and the answer stays the member collection", async () => {
    const email = `${unique("ld")}@example.test`;
    const answer = await callRoute(membersRoute.POST, {
      path: "/api/v2/members",
      token: adminToken,
      body: [{ email, role: "writer" }],
    });
    expect(answer.status).toBe(201);
    const [created] = (answer.json as { items: MemberResponse[] }).items;
    expect(created).toMatchObject({ email, _pendingInvite: true });
    expect(JSON.stringify(answer.json)).not.toContain("/invite/");
    const link = await prisma.passwordLink.findUniqueOrThrow({ where: { memberId: created?._id } });
    expect(link.kind).toBe("invite");
  });

  it("is listed with its expiry, never its secret", async () => {
    const { member, link } = await invite();
    const answer = await callRoute(invitesRoute.GET, { path: "/api/v2/invites", token: adminToken });
    expect(answer.status).toBe(200);
    const listed = (answer.json as { items: { memberId: string }[] }).items.find(
      (item) => item.memberId === member._id,
    );
    expect(listed).toEqual({
      memberId: member._id,
      email: member.email,
      kind: "invite",
      createdAt: expect.any(Number),
      expiresAt: link.expiresAt,
    });
    expect(JSON.stringify(answer.json)).not.toContain(linkSecret(link.url));
  });
});
