import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as passwordRoute from "@/app/api/v2/account/password/route";
import * as invitesRoute from "@/app/api/v2/invites/route";
import * as resetRoute from "@/app/api/v2/members/[memberId]/password-reset/route";
import { setEnv } from "@/lib/env";
import type { InviteCreated } from "@/lib/schemas/invite";
import { prisma } from "@/lib/server/db";
import { PASSWORD_SIGN_IN_OFF_MESSAGE } from "@/lib/server/invites/assert-password-sign-in";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { linkSecret, redeemLink } from "@/tests/support/password-links";
import { sessionHeaders } from "@/tests/support/session-headers";

let adminToken: string;

beforeAll(async () => {
  adminToken = (await createTestToken({ role: "admin" })).value;
  // Never contacted: password sign-in may be off only with single sign-on configured.
  process.env.TRIBUTARY_OIDC_ISSUER = "https://idp.example.test";
  process.env.TRIBUTARY_OIDC_CLIENT_ID = "tributary";
  process.env.TRIBUTARY_OIDC_CLIENT_SECRET = "client-secret";
  setEnv("TRIBUTARY_PASSWORD_SIGN_IN", "false");
});

afterAll(() => {
  setEnv("TRIBUTARY_PASSWORD_SIGN_IN", "true");
});

async function invite(email: string): Promise<InviteCreated> {
  const answer = await callRoute(invitesRoute.POST, {
    path: "/api/v2/invites",
    body: { email, role: "reader" },
    token: adminToken,
  });
  expect(answer.status).toBe(201);
  return answer.json as InviteCreated;
}

describe("with password sign-in off, no path sets a password nothing would accept", () => {
  it("still invites (single sign-on matches the pending member), but the link sets no password", async () => {
    const email = `${unique("sso-invite")}@example.com`;
    const { link } = await invite(email);
    const answer = await redeemLink(linkSecret(link.url), "a-password-nobody-could-use");
    expectError(answer, 409, "conflict");
    expect((answer.json as { message: string }).message).toBe(PASSWORD_SIGN_IN_OFF_MESSAGE);
    const member = await prisma.member.findUniqueOrThrow({ where: { email } });
    expect(member.passwordHash).toBeNull();
    expect(await prisma.passwordLink.count({ where: { memberId: member.id } })).toBe(1);
  });

  it("refuses a reset link and writes nothing", async () => {
    const { member } = await createTestMember({ role: "writer" });
    const answer = await callRoute(resetRoute.POST, {
      method: "POST",
      path: `/api/v2/members/${member.id}/password-reset`,
      params: { memberId: member.id },
      token: adminToken,
    });
    expectError(answer, 409, "conflict");
    expect(await prisma.passwordLink.count({ where: { memberId: member.id } })).toBe(0);
  });

  it("refuses a password change and keeps the old hash and sessions", async () => {
    const { member, password } = await createTestMember({ role: "reader" });
    const before = await prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    const answer = await callRoute(passwordRoute.POST, {
      path: "/api/v2/account/password",
      body: { currentPassword: password, newPassword: "a-brand-new-password" },
      headers: await sessionHeaders(member.id),
    });
    expectError(answer, 409, "conflict");
    const after = await prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
  });
});
